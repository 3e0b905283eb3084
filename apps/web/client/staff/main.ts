import { createApp } from 'vue';
import { createLingongI18n } from '@shared/i18n';
import '@shared/styles/base.css';
import './desk.css';
import App from './App.vue';
import { staffEn, staffZhCN } from './messages';
import { router } from './router';

const i18n = createLingongI18n({ 'zh-CN': staffZhCN, en: staffEn });
createApp(App).use(i18n).use(router).mount('#app');
