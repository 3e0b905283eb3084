import { tokenSession } from '@shared/token-session';

/** The seeker's sign-in on this phone; also ended when the account is erased. */
export const { session, api } = tokenSession('lingong.m.session');
