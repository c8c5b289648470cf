// The one kind of error `npm run area` shows as it is: the user's input is wrong.
/** A problem with the input; the message is for the user, in Vietnamese, and names the file. */
export class InputError extends Error {}
