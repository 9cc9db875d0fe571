// reCAPTCHA challenge: after the password, the app is asked for a reCAPTCHA
// token. publicChallengeParameters reach the app (trigger tells it to show
// the reCAPTCHA widget); the token it answers with is checked by
// verify_auth_challenge_response.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-create-auth-challenge.html
export const handler = async (event) => {
  if (event.request.challengeName === 'CUSTOM_CHALLENGE') {
    event.response.publicChallengeParameters = { trigger: 'true' };
    event.response.privateChallengeParameters = {};
    event.response.challengeMetadata = 'CAPTCHA_CHALLENGE';
  }
  return event;
};
