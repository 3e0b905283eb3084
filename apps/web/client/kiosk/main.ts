import { createApp } from 'vue';
import { createLingongI18n } from '@shared/i18n';
import '@shared/styles/base.css';
import KioskApp from './KioskApp.vue';

const i18n = createLingongI18n({ 'zh-CN': {}, en: {} });
createApp(KioskApp).use(i18n).mount('#app');
