// Email domain filtering (deny list): refuses a sign-up whose email address
// is at one of the domains in DOMAINDENYLIST (comma-separated; cogwiz sets it
// from the capability's domains). A user without an email address passes.
//
// Throwing refuses the sign-up; the app receives the error's message.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html
export const handler = async (event) => {
  const denied = domainsFrom(process.env.DOMAINDENYLIST);
  const domain = emailDomain(event.request.userAttributes);
  if (domain !== '' && denied.includes(domain)) {
    throw new Error(`Invalid email domain: ${domain}`);
  }
  return event;
};

// The domain of an address is case-insensitive (RFC 5321 section 2.4), so
// both sides are compared in lower case: Example.COM is example.com.
const domainsFrom = (list = '') => list.split(',').map((d) => d.trim().toLowerCase()).filter(Boolean);

// The domain is what follows the last @: a quoted local part may hold an @.
const emailDomain = ({ email = '' } = {}) => (email.includes('@') ? email.slice(email.lastIndexOf('@') + 1).trim().toLowerCase() : '');
