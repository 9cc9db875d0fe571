// Override ID token claims: a sample to make your own. Like Amplify's
// template it adds two claims to the ID token and removes one; edit the two
// lists below.
//
// Cognito sends a version 1 event unless
// user_pool.triggers.pre_token_generation_version asks for V2_0 or V3_0, and
// each version reads the answer from a different place in the response.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
const claimsToAddOrOverride = {
  attribute_key1: 'attribute_value1',
  attribute_key2: 'attribute_value2',
};
const claimsToSuppress = ['attribute_key3'];

export const handler = async (event) => {
  const idToken = { claimsToAddOrOverride, claimsToSuppress };
  if (Number(event.version) >= 2) {
    event.response.claimsAndScopeOverrideDetails = { idTokenGeneration: idToken };
  } else {
    event.response.claimsOverrideDetails = idToken;
  }
  return event;
};
