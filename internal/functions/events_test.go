package functions

import (
	"net/url"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/config"
)

// eventCase is one trigger event and what the generated function must do with it.
type eventCase struct {
	name string
	// fn is the trigger's index.mjs.
	fn    string
	env   map[string]string
	event map[string]any
	fetch *fetchReply
	check func(t *testing.T, o outcome)
}

// rejects expects the handler to throw msg (Cognito then refuses the
// request and hands msg to the app).
func rejects(msg string) func(*testing.T, outcome) {
	return func(t *testing.T, o outcome) {
		t.Helper()
		if o.Error != msg {
			t.Fatalf("error = %q (result %v), want %q", o.Error, o.Result, msg)
		}
	}
}

// answers expects the handler to return the event with response set to want.
func answers(want map[string]any) func(*testing.T, outcome) {
	return func(t *testing.T, o outcome) {
		t.Helper()
		if o.Error != "" {
			t.Fatalf("threw %q", o.Error)
		}
		if got := field(o.Result, "response"); !reflect.DeepEqual(got, want) {
			t.Fatalf("response = %#v, want %#v", got, want)
		}
	}
}

// session is a define/create auth challenge session: name, result pairs.
func session(steps ...any) []any {
	s := []any{}
	for i := 0; i < len(steps); i += 2 {
		s = append(s, map[string]any{"challengeName": steps[i], "challengeResult": steps[i+1], "challengeMetadata": ""})
	}
	return s
}

func TestGeneratedHandlersAnswerCognitoEvents(t *testing.T) {
	t.Parallel()
	// Two projects, since reCAPTCHA and the custom auth scaffolding cannot
	// share the challenge triggers: the second one has the deny list alone.
	a := sourcesFor(t,
		config.Capability{Type: config.CapRecaptcha, Secret: "${env:RECAPTCHA_SECRET}"},
		config.Capability{Type: config.CapEmailVerificationLink},
		denylist, allowlist,
		config.Capability{Type: config.CapOverrideIDTokenClaims})
	b := sourcesFor(t, config.Capability{Type: config.CapCustomAuthScaffolding}, denylist)
	fn := func(root, trigger string) string { return filepath.Join(root, trigger, "index.mjs") }

	// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html
	preSignUp := func(source string, attrs map[string]any) map[string]any {
		e := cognitoEvent(source, map[string]any{
			"userAttributes": attrs, "validationData": map[string]any{}, "clientMetadata": map[string]any{},
		})
		e["response"] = map[string]any{"autoConfirmUser": false, "autoVerifyEmail": false, "autoVerifyPhone": false}
		return e
	}
	untouchedSignUp := answers(map[string]any{"autoConfirmUser": false, "autoVerifyEmail": false, "autoVerifyPhone": false})
	filters := map[string]string{"DOMAINDENYLIST": "spam.example, Junk.Example.org", "DOMAINALLOWLIST": "example.com,spam.example"}

	// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html
	customMessage := func(source string) map[string]any {
		e := cognitoEvent(source, map[string]any{
			"userAttributes": map[string]any{"sub": "5f8a9c2e", "email": "bob@example.com", "email_verified": "false"},
			"codeParameter":  "{####}", "usernameParameter": nil, "clientMetadata": map[string]any{},
		})
		e["response"] = map[string]any{"smsMessage": nil, "emailMessage": nil, "emailSubject": nil}
		return e
	}
	link := map[string]string{"REDIRECTURL": "https://app.example.com/verified", "EMAILSUBJECT": "Verify your email", "EMAILMESSAGE": "Click the link to verify your email:"}
	wantLink := func(base string) func(*testing.T, outcome) {
		return answers(map[string]any{
			"smsMessage":   nil,
			"emailSubject": "Verify your email",
			"emailMessage": "Click the link to verify your email: " + base + "username=5f8a9c2e-7b1d-4e3f-9a6b-0c1d2e3f4a5b&code={####}",
		})
	}

	// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-define-auth-challenge.html
	define := func(s []any) map[string]any {
		e := cognitoEvent("DefineAuthChallenge_Authentication", map[string]any{
			"userAttributes": map[string]any{"sub": "5f8a9c2e", "email": "bob@example.com"},
			"session":        s, "clientMetadata": map[string]any{}, "userNotFound": false,
		})
		e["response"] = map[string]any{"challengeName": nil, "issueTokens": nil, "failAuthentication": nil}
		return e
	}
	next := func(challenge string) func(*testing.T, outcome) {
		return answers(map[string]any{"challengeName": challenge, "issueTokens": false, "failAuthentication": false})
	}
	tokens := answers(map[string]any{"challengeName": nil, "issueTokens": true, "failAuthentication": false})
	fails := answers(map[string]any{"challengeName": nil, "issueTokens": false, "failAuthentication": true})

	// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-create-auth-challenge.html
	create := func() map[string]any {
		e := cognitoEvent("CreateAuthChallenge_Authentication", map[string]any{
			"userAttributes": map[string]any{"sub": "5f8a9c2e"}, "challengeName": "CUSTOM_CHALLENGE",
			"session": session("SRP_A", true, "PASSWORD_VERIFIER", true), "clientMetadata": map[string]any{}, "userNotFound": false,
		})
		e["response"] = map[string]any{"publicChallengeParameters": nil, "privateChallengeParameters": nil, "challengeMetadata": nil}
		return e
	}

	// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-verify-auth-challenge-response.html
	verify := func(private map[string]any, answer string) map[string]any {
		e := cognitoEvent("VerifyAuthChallengeResponse_Authentication", map[string]any{
			"userAttributes": map[string]any{"sub": "5f8a9c2e"}, "privateChallengeParameters": private,
			"challengeAnswer": answer, "clientMetadata": map[string]any{}, "userNotFound": false,
		})
		e["response"] = map[string]any{"answerCorrect": nil}
		return e
	}
	recaptchaEnv := map[string]string{"RECAPTCHASECRET": "s3cr3t-key"}

	// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
	preToken := func(version string) map[string]any {
		request := map[string]any{
			"userAttributes":     map[string]any{"sub": "5f8a9c2e", "email": "bob@example.com"},
			"groupConfiguration": map[string]any{"groupsToOverride": []any{"members"}, "iamRolesToOverride": []any{}, "preferredRole": nil},
			"clientMetadata":     map[string]any{},
		}
		if version != "1" {
			request["scopes"] = []any{"openid", "email", "aws.cognito.signin.user.admin"}
		}
		e := cognitoEvent("TokenGeneration_Authentication", request)
		e["version"] = version
		return e
	}
	claims := map[string]any{
		"claimsToAddOrOverride": map[string]any{"attribute_key1": "attribute_value1", "attribute_key2": "attribute_value2"},
		"claimsToSuppress":      []any{"attribute_key3"},
	}

	cases := []eventCase{
		// Pre sign-up with both filters in one function: every check applies.
		{name: "allowed domain signs up", fn: fn(a, "pre_sign_up"), env: filters,
			event: preSignUp("PreSignUp_SignUp", map[string]any{"email": "bob@example.com"}), check: untouchedSignUp},
		{name: "domain compared without case", fn: fn(a, "pre_sign_up"), env: filters,
			event: preSignUp("PreSignUp_SignUp", map[string]any{"email": "bob@EXAMPLE.com"}), check: untouchedSignUp},
		{name: "an @ in a quoted local part", fn: fn(a, "pre_sign_up"), env: filters,
			event: preSignUp("PreSignUp_SignUp", map[string]any{"email": `"bob@home"@example.com`}), check: untouchedSignUp},
		{name: "denied domain refused although allowed", fn: fn(a, "pre_sign_up"), env: filters,
			event: preSignUp("PreSignUp_SignUp", map[string]any{"email": "bob@Spam.Example"}), check: rejects("Invalid email domain: spam.example")},
		{name: "domain outside the allow list refused", fn: fn(a, "pre_sign_up"), env: filters,
			event: preSignUp("PreSignUp_AdminCreateUser", map[string]any{"email": "bob@other.org"}), check: rejects("Invalid email domain: other.org")},
		{name: "allow list needs an email", fn: fn(a, "pre_sign_up"), env: filters,
			event: preSignUp("PreSignUp_SignUp", map[string]any{"phone_number": "+15555550100"}), check: rejects("An email address is required to sign up")},
		{name: "deny list alone lets a phone user in", fn: fn(b, "pre_sign_up"), env: filters,
			event: preSignUp("PreSignUp_SignUp", map[string]any{"phone_number": "+15555550100"}), check: untouchedSignUp},
		{name: "deny list alone refuses a listed domain", fn: fn(b, "pre_sign_up"), env: filters,
			event: preSignUp("PreSignUp_ExternalProvider", map[string]any{"email": "eve@junk.example.org"}), check: rejects("Invalid email domain: junk.example.org")},
		{name: "deny list alone lets others in", fn: fn(b, "pre_sign_up"), env: filters,
			event: preSignUp("PreSignUp_SignUp", map[string]any{"email": "eve@junk.example.org.evil"}), check: untouchedSignUp},

		// Custom message: the confirmation email carries the link.
		{name: "sign-up email carries the link", fn: fn(a, "custom_message"), env: link,
			event: customMessage("CustomMessage_SignUp"), check: wantLink("https://app.example.com/verified?")},
		{name: "resent code carries the link too", fn: fn(a, "custom_message"), env: link,
			event: customMessage("CustomMessage_ResendCode"), check: wantLink("https://app.example.com/verified?")},
		{name: "redirect URL with a query", fn: fn(a, "custom_message"),
			env:   map[string]string{"REDIRECTURL": "https://app.example.com/verified?from=email", "EMAILSUBJECT": "Verify your email", "EMAILMESSAGE": "Click the link to verify your email:"},
			event: customMessage("CustomMessage_SignUp"), check: wantLink("https://app.example.com/verified?from=email&")},
		{name: "password reset keeps the pool's message", fn: fn(a, "custom_message"), env: link,
			event: customMessage("CustomMessage_ForgotPassword"), check: answers(map[string]any{"smsMessage": nil, "emailMessage": nil, "emailSubject": nil})},

		// Define auth challenge: password, then the custom challenge, then tokens.
		{name: "after SRP_A the password", fn: fn(a, "define_auth_challenge"), event: define(session("SRP_A", nil)), check: next("PASSWORD_VERIFIER")},
		{name: "after the password the challenge", fn: fn(a, "define_auth_challenge"),
			event: define(session("SRP_A", nil, "PASSWORD_VERIFIER", true)), check: next("CUSTOM_CHALLENGE")},
		{name: "after the challenge tokens", fn: fn(a, "define_auth_challenge"),
			event: define(session("SRP_A", nil, "PASSWORD_VERIFIER", true, "CUSTOM_CHALLENGE", true)), check: tokens},
		{name: "a wrong password fails", fn: fn(a, "define_auth_challenge"),
			event: define(session("SRP_A", nil, "PASSWORD_VERIFIER", false)), check: fails},
		{name: "a failed challenge fails", fn: fn(a, "define_auth_challenge"),
			event: define(session("SRP_A", nil, "PASSWORD_VERIFIER", true, "CUSTOM_CHALLENGE", false)), check: fails},
		{name: "no password first fails", fn: fn(a, "define_auth_challenge"), event: define(session("CUSTOM_CHALLENGE", true)), check: fails},
		{name: "an empty session fails", fn: fn(a, "define_auth_challenge"), event: define(session()), check: fails},
		{name: "the scaffolding defines the same flow", fn: fn(b, "define_auth_challenge"),
			event: define(session("SRP_A", nil, "PASSWORD_VERIFIER", true)), check: next("CUSTOM_CHALLENGE")},

		// Create and verify: reCAPTCHA.
		{name: "reCAPTCHA challenge", fn: fn(a, "create_auth_challenge"), event: create(),
			check: answers(map[string]any{"publicChallengeParameters": map[string]any{"trigger": "true"}, "privateChallengeParameters": map[string]any{}, "challengeMetadata": "CAPTCHA_CHALLENGE"})},
		{name: "Google accepts the token", fn: fn(a, "verify_auth_challenge_response"), env: recaptchaEnv,
			event: verify(map[string]any{}, "token-from-the-widget"), fetch: &fetchReply{Status: 200, Body: map[string]any{"success": true, "hostname": "app.example.com"}},
			check: func(t *testing.T, o outcome) {
				answers(map[string]any{"answerCorrect": true})(t, o)
				if len(o.Requests) != 1 {
					t.Fatalf("%d requests to Google, want 1", len(o.Requests))
				}
				r := o.Requests[0]
				form, err := url.ParseQuery(r.Body)
				if r.Method != "POST" || r.URL != "https://www.google.com/recaptcha/api/siteverify" || err != nil ||
					form.Get("secret") != "s3cr3t-key" || form.Get("response") != "token-from-the-widget" {
					t.Fatalf("request = %+v", r)
				}
				if strings.Contains(r.URL, "s3cr3t") {
					t.Fatal("the secret is in the URL")
				}
			}},
		{name: "Google refuses the token", fn: fn(a, "verify_auth_challenge_response"), env: recaptchaEnv,
			event: verify(map[string]any{}, "stale"), fetch: &fetchReply{Status: 200, Body: map[string]any{"success": false, "error-codes": []string{"timeout-or-duplicate"}}},
			check: func(t *testing.T, o outcome) {
				rejects("CAPTCHA verification error")(t, o)
				// Google's reason is logged for the owner; the secret never is.
				logs := strings.Join(o.Logs, "\n")
				if !strings.Contains(logs, "timeout-or-duplicate") || strings.Contains(logs, "s3cr3t") {
					t.Fatalf("logs = %q", logs)
				}
			}},
		{name: "Google unavailable", fn: fn(a, "verify_auth_challenge_response"), env: recaptchaEnv,
			event: verify(map[string]any{}, "token"), fetch: &fetchReply{Status: 503, Body: map[string]any{}},
			check: rejects("CAPTCHA verification error")},

		// Create and verify: the scaffolding.
		{name: "scaffolding challenge keeps the answer private", fn: fn(b, "create_auth_challenge"), env: map[string]string{"CHALLENGEANSWER": "42"}, event: create(),
			check: answers(map[string]any{"publicChallengeParameters": map[string]any{"trigger": "true"}, "privateChallengeParameters": map[string]any{"answer": "42"}, "challengeMetadata": nil})},
		{name: "scaffolding right answer", fn: fn(b, "verify_auth_challenge_response"), event: verify(map[string]any{"answer": "42"}, "42"),
			check: answers(map[string]any{"answerCorrect": true})},
		{name: "scaffolding wrong answer", fn: fn(b, "verify_auth_challenge_response"), event: verify(map[string]any{"answer": "42"}, "41"),
			check: answers(map[string]any{"answerCorrect": false})},
		{name: "scaffolding without an answer fails closed", fn: fn(b, "verify_auth_challenge_response"), event: verify(map[string]any{"answer": ""}, ""),
			check: answers(map[string]any{"answerCorrect": false})},

		// Pre token generation, in both event versions.
		{name: "version 1 claims", fn: fn(a, "pre_token_generation"), event: preToken("1"),
			check: answers(map[string]any{"claimsOverrideDetails": claims})},
		{name: "version 2 claims", fn: fn(a, "pre_token_generation"), event: preToken("2"),
			check: answers(map[string]any{"claimsAndScopeOverrideDetails": map[string]any{"idTokenGeneration": claims}})},
	}

	calls := make([]nodeCase, len(cases))
	for i, c := range cases {
		calls[i] = nodeCase{Handler: c.fn, Env: c.env, Event: c.event, Fetch: c.fetch}
	}
	outcomes := runNode(t, nil, calls)
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := outcomes[i]
			c.check(t, o)
			if o.Error == "" && !reflect.DeepEqual(field(o.Result, "request"), c.event["request"]) {
				t.Errorf("the handler changed the request: %v", field(o.Result, "request"))
			}
		})
	}
}
