import type { Gender } from '@kinerja/shared';
import type { Random } from './random.js';

/**
 * Personal names for a Sibolga civil service. The city sits on the west coast of Tapanuli: Batak Toba and
 * Angkola-Mandailing families (with their marga), the Pesisir Sibolga community of Malay and Minang descent, Nias
 * families and Javanese settlers. First names follow the naming habits of each group (Christian names are common among
 * Toba and Nias families, Islamic ones among Mandailing, Pesisir and Javanese), which is what makes a list read as
 * real to people who live there. These are invented combinations, not a register of real people.
 */
interface NameGroup {
  /** Share of the city's ASN, roughly. */
  weight: number;
  male: readonly string[];
  female: readonly string[];
  /** Family names (marga); empty for groups that do not use one. */
  surnames: readonly string[];
  /** Chance that a person of the group writes a second given name (Toba "Hotman Parlindungan", Javanese "Sri Rahayu"). */
  secondNameChance: number;
}

const BATAK_TOBA: NameGroup = {
  weight: 34,
  male: list(`
    Hotman, Parlindungan, Marihot, Tigor, Sahat, Binsar, Togar, Halomoan, Maruli, Poltak, Lamhot,
    Marudut, Jhonson, Rianto, Daniel, Samuel, Yosef, Benny, Hendra, Roy, Rudi, Frans, Albert,
    Hotmangaradja, Mangasi, Partogi, Bonar, Jansen, Lambok, Tumpal, Ferdinand, Robert, Edison
  `),
  female: list(`
    Rosmawati, Lisbet, Rotua, Tiurma, Hotnida, Romauli, Sarma, Rosdiana, Maria, Elisabeth, Yohana,
    Ruth, Debora, Lamria, Nurmaida, Tiominar, Rospita, Masdelina, Erna, Juliana, Risma, Dameria,
    Sondang, Friska, Lenny, Mery, Tetty, Herlina, Kristina, Nova, Santi
  `),
  surnames: list(`
    Hutagalung, Simatupang, Pasaribu, Sitompul, Panggabean, Hutabarat, Sihombing, Simanjuntak,
    Situmorang, Sinaga, Hutapea, Manalu, Sibarani, Tambunan, Pardede, Marpaung, Silitonga,
    Simanungkalit, Lumbantobing, Aritonang, Sihite, Tarihoran, Sitorus, Gultom, Napitupulu, Hutauruk,
    Siahaan, Nainggolan, Purba, Samosir
  `),
  secondNameChance: 0.35,
};

const ANGKOLA_MANDAILING: NameGroup = {
  weight: 26,
  male: list(`
    Ahmad, Muhammad, Syahrul, Zulkarnain, Irwan, Fauzi, Rizky, Ridwan, Hamdani, Syafii, Parlaungan,
    Mara, Sutan, Baginda, Ikhwan, Amran, Erwin, Darwin, Faisal, Arifin, Khairul, Azhar, Hasan, Husein,
    Ismail, Safaruddin, Yusuf, Asrul
  `),
  female: list(`
    Nurhayati, Nurhalimah, Khairunnisa, Siti Aminah, Siti Hajar, Rahmadani, Nurainun, Fitri, Yusnita,
    Masnah, Rosnidar, Nurlela, Asnidar, Mariam, Zuraidah, Lily, Aisyah, Rahmawati, Nursakinah,
    Hotmaida, Dahlia, Ernawati, Sri Wahyuni, Darmawati
  `),
  surnames: list(`
    Siregar, Nasution, Lubis, Harahap, Tanjung, Pulungan, Daulay, Rangkuti, Batubara, Hasibuan, Pane,
    Matondang, Dalimunthe, Ritonga, Hutasuhut, Pohan, Rambe
  `),
  secondNameChance: 0.3,
};

const PESISIR_MINANG_MELAYU: NameGroup = {
  weight: 20,
  male: list(`
    Syafrizal, Zulfikar, Hendri, Syamsul, Jufri, Nasrul, Afrizal, Yulizar, Rahmat, Budiman, Syaiful,
    Indra, Yusril, Rusli, Darmansyah, Anwar, Bahtiar, Zainal, Efendi, Muslim, Taufik, Ilham, Fadli
  `),
  female: list(`
    Yuliani, Rosmiati, Desi, Yusniar, Nurbaiti, Afrida, Syafrida, Wirda, Zulaikha, Rahmi, Yenni,
    Elvira, Nelly, Mardiana, Suryani, Rini, Hasnah, Fatimah, Mutia, Fadhilah, Nurjanah
  `),
  surnames: [],
  secondNameChance: 0.45,
};

const NIAS: NameGroup = {
  weight: 10,
  male: list(`
    Faoziduhu, Yupiter, Agustinus, Fatolosa, Sozanolo, Yamonaso, Hezekiel, Aroziduhu, Arisman,
    Setiawan, Natal, Yosia, Ingati
  `),
  female: list(`
    Fitriani, Sartika, Yuniati, Elisa, Marlina, Delima, Oktaviani, Berlian, Sriwati, Yustina, Martini,
    Noverlina
  `),
  surnames: list(`
    Zebua, Zalukhu, Gea, Harefa, Telaumbanua, Laoli, Mendrofa, Halawa, Waruwu, Ndruru
  `),
  secondNameChance: 0.15,
};

const JAWA: NameGroup = {
  weight: 10,
  male: list(`
    Sutrisno, Suprapto, Wahyudi, Bambang, Agus, Joko, Slamet, Budi, Eko, Heru, Sugiarto, Purwanto, Dwi,
    Teguh, Wibowo, Santoso, Hariyanto, Ari
  `),
  female: list(`
    Sri Rahayu, Puji Astuti, Siti Khadijah, Endang, Sumarni, Wulandari, Rina, Dewi, Tri Handayani,
    Ratna, Kartini, Lestari, Suwarni, Indah, Ningsih, Sulastri
  `),
  surnames: [],
  secondNameChance: 0.55,
};

const GROUPS: readonly (readonly [NameGroup, number])[] = [
  BATAK_TOBA,
  ANGKOLA_MANDAILING,
  PESISIR_MINANG_MELAYU,
  NIAS,
  JAWA,
].map((g) => [g, g.weight] as const);

/** A comma-separated list written as a block of text, which reads better than a column of quoted strings. */
function list(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A full personal name without academic titles, e.g. "Hotman Parlindungan Sitompul" or "Sri Rahayu Lestari". */
export function personName(rng: Random, gender: Gender): string {
  const group = rng.weighted(GROUPS);
  const given = gender === 'L' ? group.male : group.female;
  const parts = [rng.pick(given)];
  if (rng.chance(group.secondNameChance)) {
    const second = rng.pick(given);
    if (second !== parts[0]) parts.push(second);
  }
  if (group.surnames.length > 0) parts.push(rng.pick(group.surnames));
  return parts.join(' ');
}

/**
 * Adds academic titles the way they are written on Indonesian personnel records: a prefix ("dr.", "drg.", "apt.")
 * before the name and degrees after a comma ("S.Pd.", "S.Kep., Ns.").
 */
export function withTitles(name: string, prefix: string, suffix: string): string {
  const withPrefix = prefix === '' ? name : `${prefix} ${name}`;
  return suffix === '' ? withPrefix : `${withPrefix}, ${suffix}`;
}
