import { tokenSession } from '@shared/token-session';

/** The employer's sign-in on this browser (a phone on site or the office PC). */
export const { session, api } = tokenSession('lingong.employer.session');
