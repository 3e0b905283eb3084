import { createApp } from 'vue';
import { createLingongI18n } from '@shared/i18n';
import '@shared/styles/base.css';
import './phone.css';
import App from './App.vue';
import { mEn, mZhCN } from './messages';
import { router } from './router';

const i18n = createLingongI18n({ 'zh-CN': mZhCN, en: mEn });
createApp(App).use(i18n).use(router).mount('#app');
