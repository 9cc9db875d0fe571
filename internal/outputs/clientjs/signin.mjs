// A node app configured from amplify_outputs.json alone signs a user up,
// confirms it, signs in, reads its session and signs out with aws-amplify
// v6, against cognito-local.
//
//   node signin.mjs OUTPUTS ENDPOINT USERNAME EMAIL PASSWORD CODE
//
// ENDPOINT becomes the custom user pool endpoint aws-amplify accepts
// (Auth.Cognito.userPoolEndpoint); everything else comes from the file.
// cognito-local has no SRP, so the sign-in asks for USER_PASSWORD_AUTH.
// Node has no localStorage: aws-amplify keeps the tokens in memory then.
// Answers one JSON object on stdout.
import { readFileSync } from 'node:fs';
import { Amplify } from 'aws-amplify';
import { signUp, confirmSignUp, signIn, fetchAuthSession, getCurrentUser, signOut } from 'aws-amplify/auth';

const [outputsPath, endpoint, username, email, password, code] = process.argv.slice(2);
Amplify.configure(JSON.parse(readFileSync(outputsPath, 'utf8')));
const config = Amplify.getConfig();
Amplify.configure({ ...config, Auth: { Cognito: { ...config.Auth.Cognito, userPoolEndpoint: endpoint } } });

const result = {};
const up = await signUp({ username, password, options: { userAttributes: { email } } });
result.signUpStep = up.nextStep.signUpStep;
const confirmed = await confirmSignUp({ username, confirmationCode: code });
result.confirmed = confirmed.isSignUpComplete;
const inResult = await signIn({ username, password, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
result.signedIn = inResult.isSignedIn;
const session = await fetchAuthSession();
result.claims = session.tokens?.idToken?.payload ?? null;
result.username = (await getCurrentUser()).username;
await signOut();
result.signedOut = (await fetchAuthSession()).tokens === undefined;
process.stdout.write(JSON.stringify(result));
