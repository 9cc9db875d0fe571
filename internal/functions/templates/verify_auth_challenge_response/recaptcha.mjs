// reCAPTCHA check: sends the token the app answered with to Google's
// siteverify API with the secret key from RECAPTCHASECRET. cogwiz sets that
// at deploy time from the ${env:...} reference in cognito.yaml; the key is
// never written into this file.
// https://developers.google.com/recaptcha/docs/verify
const SITEVERIFY = 'https://www.google.com/recaptcha/api/siteverify';

export const handler = async (event) => {
  const res = await fetch(SITEVERIFY, {
    method: 'POST',
    // Form fields in the body keep the secret out of URLs and access logs.
    body: new URLSearchParams({
      secret: process.env.RECAPTCHASECRET ?? '',
      response: event.request.challengeAnswer ?? '',
    }),
    // Cognito gives the whole trigger 5 seconds.
    signal: AbortSignal.timeout(3000),
  });
  const verdict = res.ok ? await res.json() : { success: false, 'error-codes': [`http-${res.status}`] };
  event.response.answerCorrect = verdict.success === true;
  if (!event.response.answerCorrect) {
    console.log('reCAPTCHA verification failed:', verdict['error-codes'] ?? []);
    // As Amplify's template: the app sees this instead of a bare wrong answer.
    throw new Error('CAPTCHA verification error');
  }
  return event;
};
