// Custom auth challenge scaffolding (not for production): after the password
// the user must give the answer held in the CHALLENGEANSWER environment
// variable, as in Amplify's template. cogwiz does not set it: set it on the
// deployed function (Lambda console, or aws lambda update-function-configuration)
// and cogwiz apply keeps it, as every variable it did not set. Until then, or
// until you replace this with your own challenge (for example a one-time code
// you send and keep in privateChallengeParameters), nobody passes.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-create-auth-challenge.html
export const handler = async (event) => {
  if (event.request.challengeName === 'CUSTOM_CHALLENGE') {
    // What the app may show the user.
    event.response.publicChallengeParameters = { trigger: 'true' };
    // What only verify_auth_challenge_response sees.
    event.response.privateChallengeParameters = { answer: process.env.CHALLENGEANSWER ?? '' };
  }
  return event;
};
