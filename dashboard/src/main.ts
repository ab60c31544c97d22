import { createApp } from 'vue';
import { createApolloClient } from './app/apollo';
import { ApolloKey } from './app/use-query';
import App from './App.vue';
import './styles/base.css';

createApp(App).provide(ApolloKey, createApolloClient()).mount('#app');
