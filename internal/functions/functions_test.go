package functions

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/config"
)

// Every trigger of every capability has a module, and its template exists.
func TestEveryCapabilityTriggerHasAModule(t *testing.T) {
	for _, typ := range config.CapabilityTypes {
		for _, trigger := range config.CapabilityTriggers(typ) {
			m, ok := modules[typ][trigger]
			if !ok {
				t.Errorf("%s on %s: no module", typ, trigger)
				continue
			}
			if _, err := templates.ReadFile("templates/" + trigger + "/" + m.file); err != nil {
				t.Errorf("%s on %s: %v", typ, trigger, err)
			}
			if _, ok := triggerDocs[trigger]; !ok {
				t.Errorf("%s: no title and doc page for index.mjs", trigger)
			}
		}
		if len(modules[typ]) != len(config.CapabilityTriggers(typ)) {
			t.Errorf("%s: modules for %d triggers, the capability has %d", typ, len(modules[typ]), len(config.CapabilityTriggers(typ)))
		}
	}
}

func TestFunctionsDescribeEachGeneratedFunction(t *testing.T) {
	c := project(addToGroup, allowlist, denylist,
		config.Capability{Type: config.CapEmailVerificationLink, RedirectURL: "https://app.example.com/verified", EmailSubject: "Verify", EmailMessage: "Click"},
		config.Capability{Type: config.CapOverrideIDTokenClaims})
	c.Functions = &config.Functions{SourceDir: "auth/fns/", Runtime: "nodejs24.x"}
	c.UserPool.Triggers = &config.Triggers{PreTokenGeneration: "arn:aws:lambda:us-east-1:123456789012:function:claims"}
	c.UserPool.Groups = []config.Group{{Name: "members"}}
	want := []Function{
		{
			Trigger: "pre_sign_up", Capabilities: []string{config.CapEmailDomainDenylist, config.CapEmailDomainAllowlist},
			Dir: "auth/fns/pre_sign_up", Files: []string{"index.mjs", "email-domain-denylist.mjs", "email-domain-allowlist.mjs"},
			Name: "AppAuthPreSignUp", Runtime: "nodejs24.x", Handler: "index.handler",
			Env: []EnvVar{{"DOMAINALLOWLIST", "example.com"}, {"DOMAINDENYLIST", "spam.example"}},
		},
		{
			Trigger: "custom_message", Capabilities: []string{config.CapEmailVerificationLink},
			Dir: "auth/fns/custom_message", Files: []string{"index.mjs", "email-verification-link.mjs"},
			Name: "AppAuthCustomMessage", Runtime: "nodejs24.x", Handler: "index.handler",
			Env: []EnvVar{{"EMAILMESSAGE", "Click"}, {"EMAILSUBJECT", "Verify"}, {"REDIRECTURL", "https://app.example.com/verified"}},
		},
		{
			Trigger: "post_confirmation", Capabilities: []string{config.CapAddUserToGroup},
			Dir: "auth/fns/post_confirmation", Files: []string{"index.mjs", "add-user-to-group.mjs"},
			Name: "AppAuthPostConfirmation", Runtime: "nodejs24.x", Handler: "index.handler",
			Env: []EnvVar{{"GROUP", "members"}}, Actions: []string{"cognito-idp:AdminAddUserToGroup"},
		},
	}
	if got := Functions(c); !reflect.DeepEqual(got, want) {
		t.Fatalf("Functions =\n%+v\nwant\n%+v", got, want)
	}
}

// The add-to-group function may create its group only when cogwiz does not.
func TestAddToGroupMayCreateOnlyAnUndeclaredGroup(t *testing.T) {
	c := project(addToGroup)
	if got := Functions(c)[0].Actions; !slices.Equal(got, []string{"cognito-idp:AdminAddUserToGroup", "cognito-idp:CreateGroup"}) {
		t.Errorf("undeclared group: %v", got)
	}
	c.UserPool.Groups = []config.Group{{Name: "members"}}
	if got := Functions(c)[0].Actions; !slices.Equal(got, []string{"cognito-idp:AdminAddUserToGroup"}) {
		t.Errorf("declared group: %v", got)
	}
}

func TestChallengeCapabilitiesShareTheDefineModule(t *testing.T) {
	for _, typ := range []string{config.CapRecaptcha, config.CapCustomAuthScaffolding} {
		fns := Functions(project(config.Capability{Type: typ}))
		if len(fns) != 3 || fns[0].Trigger != "define_auth_challenge" || fns[0].Files[1] != "password-then-custom-challenge.mjs" {
			t.Errorf("%s: %+v", typ, fns)
		}
	}
}

// https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html#lambda-CreateFunction-request-FunctionName
var lambdaName = regexp.MustCompile(`^[a-zA-Z0-9_-]{1,64}$`)

func TestFunctionNamesFitLambda(t *testing.T) {
	long := strings.Repeat("a", 128)
	longer := strings.Repeat("a", 127) + "b"
	for _, trigger := range []string{"verify_auth_challenge_response", "pre_sign_up"} {
		a, b := FunctionName(long, trigger), FunctionName(longer, trigger)
		if !lambdaName.MatchString(a) || !lambdaName.MatchString(b) {
			t.Errorf("%q, %q are not Lambda names", a, b)
		}
		if a == b {
			t.Errorf("two resource names share the function name %s", a)
		}
	}
	if got := FunctionName("AppAuth", "verify_auth_challenge_response"); got != "AppAuthVerifyAuthChallengeResponse" {
		t.Errorf("got %s", got)
	}
}
