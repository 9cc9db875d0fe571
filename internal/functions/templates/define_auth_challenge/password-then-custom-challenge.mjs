// Define auth challenge: sign-in is the password (SRP) followed by one
// custom challenge, then tokens. Cognito calls this function after every
// step with the steps so far (session) and asks what comes next.
//
// The app starts the CUSTOM_AUTH flow with an SRP_A value (the Amplify
// libraries call it CUSTOM_WITH_SRP); any other order fails the sign-in.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-define-auth-challenge.html
const STEPS = ['SRP_A', 'PASSWORD_VERIFIER', 'CUSTOM_CHALLENGE'];

export const handler = async (event) => {
  const session = event.request.session ?? [];
  // Each step so far must be the expected one, and every step after the
  // first must have succeeded.
  const onTrack =
    session.length > 0 &&
    session.length <= STEPS.length &&
    session.every((step, i) => step.challengeName === STEPS[i] && (i === 0 || step.challengeResult === true));

  event.response.issueTokens = onTrack && session.length === STEPS.length;
  event.response.failAuthentication = !onTrack;
  if (onTrack && !event.response.issueTokens) {
    event.response.challengeName = STEPS[session.length];
  }
  return event;
};
