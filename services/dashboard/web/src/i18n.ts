import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import hi from './locales/hi.json';

const saved = localStorage.getItem('sangathan.lang');

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, hi: { translation: hi } },
  lng: saved === 'hi' || saved === 'en' ? saved : 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
});

// The page's language follows the switch, so screen readers and fonts pick Devanagari.
const apply = (lng: string) => {
  document.documentElement.lang = lng;
  localStorage.setItem('sangathan.lang', lng);
};
apply(i18n.language);
i18n.on('languageChanged', apply);

export default i18n;
