import { createApp } from 'vue';
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-700.css';
import { createApolloClient } from './app/apollo';
import { i18n, currentLocale } from './app/i18n';
import { createAppRouter } from './app/router';
import { ApolloKey } from './app/use-query';
import App from './App.vue';
import './styles/base.css';

const client = createApolloClient();
document.documentElement.lang = currentLocale();
createApp(App).provide(ApolloKey, client).use(i18n).use(createAppRouter(client)).mount('#app');
