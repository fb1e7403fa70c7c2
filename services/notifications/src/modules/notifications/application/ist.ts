/** IANA zone of India Standard Time, for formatting dates in templates. */
export const IST_TIME_ZONE = 'Asia/Kolkata';
