// Email domain filtering (allow list): accepts a sign-up only when the email
// address is at one of the domains in DOMAINALLOWLIST (comma-separated;
// cogwiz sets it from the capability's domains). A user without an email
// address is refused: nothing shows they belong to an allowed domain. This
// also applies to users an administrator creates and to users who first
// sign in through a social or enterprise provider.
//
// Throwing refuses the sign-up; the app receives the error's message.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html
export const handler = async (event) => {
  const { email = '' } = event.request.userAttributes ?? {};
  if (!email.includes('@')) {
    throw new Error('An email address is required to sign up');
  }
  // What follows the last @, in lower case like the list: the domain of an
  // address is case-insensitive (RFC 5321 section 2.4).
  const domain = email.slice(email.lastIndexOf('@') + 1).trim().toLowerCase();
  const allowed = (process.env.DOMAINALLOWLIST ?? '').split(',').map((d) => d.trim().toLowerCase());
  if (domain === '' || !allowed.includes(domain)) {
    throw new Error(`Invalid email domain: ${domain}`);
  }
  return event;
};
