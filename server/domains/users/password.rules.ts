/** How long a password must be, and may be: the API's schema and the dashboard's password fields read these. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
