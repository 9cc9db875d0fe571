// Custom auth challenge scaffolding (not for production): the answer is
// right when it equals the one create_auth_challenge kept private. An empty
// expected answer never matches, so the scaffolding fails closed.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-verify-auth-challenge-response.html
export const handler = async (event) => {
  const expected = event.request.privateChallengeParameters?.answer ?? '';
  event.response.answerCorrect = expected !== '' && event.request.challengeAnswer === expected;
  return event;
};
