// Email verification link with redirect: the sign-up email carries a link to
// REDIRECTURL with the user name and the confirmation code, instead of the
// bare code. The page at that URL confirms the account (ConfirmSignUp with
// the username and code query parameters) and takes the user on from there.
// Subject and text come from EMAILSUBJECT and EMAILMESSAGE; cogwiz sets all
// three from the capability's settings.
//
// Amplify linked to a static page in an S3 bucket it created, which confirmed
// the user and then redirected; cogwiz creates no bucket, so the link leads
// to your page directly.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html

// The messages that carry a sign-up confirmation code. Every other message
// (password reset, MFA codes, invitations) keeps the pool's own text.
const CONFIRM_SIGN_UP = ['CustomMessage_SignUp', 'CustomMessage_ResendCode'];

export const handler = async (event) => {
  if (!CONFIRM_SIGN_UP.includes(event.triggerSource)) {
    return event;
  }
  const base = process.env.REDIRECTURL;
  const join = base.includes('?') ? '&' : '?';
  // codeParameter is a placeholder such as {####} that Cognito replaces with
  // the code after this function returns, so it goes in unencoded.
  const link = `${base}${join}username=${encodeURIComponent(event.userName)}&code=${event.request.codeParameter}`;
  event.response.emailSubject = process.env.EMAILSUBJECT;
  event.response.emailMessage = `${process.env.EMAILMESSAGE} ${link}`;
  // The text message is left to the pool: a link rarely fits in an SMS.
  return event;
};
