package outputs

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/aws/cognitoidentity"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/plan"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestFormatFor(t *testing.T) {
	t.Parallel()
	for path, want := range map[string]Format{
		"amplify_outputs.json":         Amplify,
		"src/amplify_outputs.json":     Amplify,
		"amplify_outputs.json.bak":     JSON,
		"my_amplify_outputs.json":      JSON,
		"aws-exports.js":               AWSExports,
		"web/src/aws-exports.js":       AWSExports,
		"aws-exports.ts":               JSON,
		".env":                         Env,
		"app/.env":                     Env,
		"cognito.env":                  Env,
		".env.local":                   Env,
		".env.production":              Env,
		"environment":                  JSON,
		"cognito-outputs.json":         JSON,
		"-":                            JSON,
		"/dev/stdout":                  JSON,
		"outputs":                      JSON,
		"amplify_outputs.json/x.json":  JSON,
		"dir.env/cognito-outputs.json": JSON,
	} {
		if got := FormatFor(path); got != want {
			t.Errorf("FormatFor(%q) = %s, want %s", path, got, want)
		}
	}
	for _, f := range Formats {
		if got, err := ParseFormat(f); err != nil || string(got) != f {
			t.Errorf("ParseFormat(%q) = %q, %v", f, got, err)
		}
	}
	if _, err := ParseFormat("amplify_outputs"); err == nil || !strings.Contains(err.Error(), "amplify, aws-exports, env, json") {
		t.Errorf("ParseFormat of an unknown format: %v, want the list of formats", err)
	}
}

func TestPickClient(t *testing.T) {
	t.Parallel()
	clients := func(cs ...config.AppClient) *config.Config { return &config.Config{AppClients: cs} }
	server := config.AppClient{Name: "server", GenerateSecret: true}
	web := config.AppClient{Name: "web"}
	native := config.AppClient{Name: "native"}
	// Amplify's pair, as cogwiz import amplify writes it: the web client first.
	amplifyWeb := config.AppClient{Name: "shop_app_clientWeb"}
	amplifyNative := config.AppClient{Name: "shop_app_client"}
	for _, tc := range []struct {
		cfg     *config.Config
		name    string
		want    string
		wantErr string
		hint    string
	}{
		{cfg: clients(web), want: "web"},
		{cfg: clients(server, web, native), want: "web"},
		{cfg: clients(native, web), want: "native"},
		{cfg: clients(amplifyWeb, amplifyNative), want: "shop_app_clientWeb"},
		{cfg: clients(server, web, native), name: "native", want: "native"},
		{cfg: clients(server, web), name: "server", wantErr: "app client server has a secret", hint: "generate_secret: false"},
		{cfg: clients(server, web), name: "mobile", wantErr: `no app client named "mobile"`, hint: "use one of server, web"},
		{cfg: clients(server), wantErr: "every app client in the file has a secret", hint: "generate_secret: false"},
		{cfg: clients(), wantErr: "the file has no app client", hint: "add one under app_clients"},
	} {
		got, err := PickClient(tc.cfg, tc.name)
		if tc.wantErr == "" {
			if err != nil || got != tc.want {
				t.Errorf("PickClient(%v, %q) = %q, %v; want %q", clientNames(tc.cfg), tc.name, got, err, tc.want)
			}
			continue
		}
		var ce *ClientError
		if !errors.As(err, &ce) || !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(ce.Hint(), tc.hint) {
			t.Errorf("PickClient(%v, %q) = %q, %v; want an error %q with hint %q", clientNames(tc.cfg), tc.name, got, err, tc.wantErr, tc.hint)
		}
	}
}

// everything is a pool as read back from AWS with every front-end
// setting: email sign-in, required and verified attributes, MFA, a
// password policy, groups, a domain, Google, and an identity pool that
// lets guests in. The secret-holding client comes first in the file.
func everything() Input {
	live := &config.Config{
		UserPool: config.UserPool{
			SignIn:         config.SignIn{UsernameAttributes: []string{"email"}},
			Attributes:     config.Attributes{Required: []string{"email", "family_name"}},
			PasswordPolicy: &config.PasswordPolicy{MinimumLength: config.Int(12), RequireLowercase: true, RequireSymbols: true},
			MFA:            &config.MFA{Mode: config.MFAOptional, Factors: []string{config.FactorSMS, config.FactorTOTP}},
			Verification:   &config.Verification{AutoVerifiedAttributes: []string{"email", "phone_number"}},
			Groups: []config.Group{
				{Name: "Users", Precedence: config.Int(10)},
				{Name: "Guests"},
				{Name: "Admins", Precedence: config.Int(1)},
			},
		},
		Domain: &config.Domain{Prefix: "shop-1a2b3c4d"},
		AppClients: []config.AppClient{
			{Name: "server", ID: "serverclientid", GenerateSecret: true},
			{Name: "web", ID: "webclientid", OAuth: &config.OAuth{
				Flows: []string{"code"}, Scopes: []string{"openid", "email", "profile"},
				CallbackURLs:      []string{"http://localhost:3000/", "https://shop.example.com/?a=1&b=2"},
				LogoutURLs:        []string{"http://localhost:3000/signed-out"},
				IdentityProviders: []string{"COGNITO", "Google", "SignInWithApple", "CorpSAML"},
			}},
		},
	}
	desired := &config.Config{ResourceName: "Shop", AppClients: live.AppClients, IdentityPool: &config.IdentityPool{Name: "shop"}}
	return Input{
		State: &cognito.State{PoolID: "eu-west-1_AbC123", PoolARN: "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC123", Config: live},
		Identity: &plan.IdentityState{Pool: &cognitoidentity.Pool{ID: "eu-west-1:0000-1111", AllowUnauthenticated: true,
			LoginProviders: map[string]string{"accounts.google.com": "google-app-id"}}},
		Desired: desired,
		Client:  "web",
	}
}

// Each front-end format of the everything pool, against its golden file
// (go test ./internal/outputs -update rewrites them).
func TestRenderGolden(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		f    Format
		file string
	}{{Amplify, "everything.amplify_outputs.json"}, {AWSExports, "everything.aws-exports.js"}, {Env, "everything.env"}, {JSON, "everything.json"}} {
		got, notes, err := Render(tc.f, everything())
		if err != nil || len(notes) != 0 {
			t.Fatalf("%s: %v, notes %q", tc.f, err, notes)
		}
		golden := filepath.Join("testdata", tc.file)
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/outputs -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s:\n%s", tc.f, golden, got)
		}
	}
}

// The amplify file says what the pool says, field by field.
func TestAmplifyOutputsFields(t *testing.T) {
	t.Parallel()
	b, _, err := Render(Amplify, everything())
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Version string `json:"version"`
		Auth    struct {
			Region         string                      `json:"aws_region"`
			PoolID         string                      `json:"user_pool_id"`
			ClientID       string                      `json:"user_pool_client_id"`
			IdentityPoolID string                      `json:"identity_pool_id"`
			Guests         *bool                       `json:"unauthenticated_identities_enabled"`
			Username       []string                    `json:"username_attributes"`
			Required       []string                    `json:"standard_required_attributes"`
			Verified       []string                    `json:"user_verification_types"`
			MFA            string                      `json:"mfa_configuration"`
			MFAMethods     []string                    `json:"mfa_methods"`
			Password       map[string]any              `json:"password_policy"`
			Groups         []map[string]map[string]int `json:"groups"`
			OAuth          *struct {
				Providers []string `json:"identity_providers"`
				Domain    string   `json:"domain"`
				Scopes    []string `json:"scopes"`
				SignIn    []string `json:"redirect_sign_in_uri"`
				SignOut   []string `json:"redirect_sign_out_uri"`
				Response  string   `json:"response_type"`
			} `json:"oauth"`
		} `json:"auth"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	a := f.Auth
	if f.Version != AmplifyVersion || a.Region != "eu-west-1" || a.PoolID != "eu-west-1_AbC123" || a.ClientID != "webclientid" ||
		a.IdentityPoolID != "eu-west-1:0000-1111" || a.Guests == nil || !*a.Guests {
		t.Errorf("ids: %s", b)
	}
	if strings.Join(a.Username, ",") != "email" || strings.Join(a.Required, ",") != "email,family_name" ||
		strings.Join(a.Verified, ",") != "email,phone_number" || a.MFA != "OPTIONAL" || strings.Join(a.MFAMethods, ",") != "SMS,TOTP" {
		t.Errorf("sign-in settings: %s", b)
	}
	if a.Password["min_length"] != 12.0 || a.Password["require_lowercase"] != true || a.Password["require_numbers"] != false || a.Password["require_symbols"] != true {
		t.Errorf("password policy: %v", a.Password)
	}
	if len(a.Groups) != 3 || a.Groups[0]["Admins"]["precedence"] != 1 || a.Groups[1]["Users"]["precedence"] != 10 || a.Groups[2]["Guests"] == nil {
		t.Errorf("groups, by precedence: %v", a.Groups)
	}
	o := a.OAuth
	if o == nil || o.Domain != "shop-1a2b3c4d.auth.eu-west-1.amazoncognito.com" || strings.Join(o.Providers, ",") != "GOOGLE,SIGN_IN_WITH_APPLE" ||
		o.Response != "code" || len(o.SignIn) != 2 || o.SignIn[1] != "https://shop.example.com/?a=1&b=2" || len(o.SignOut) != 1 {
		t.Errorf("oauth: %s", b)
	}
}

// A username pool says "username"; an identity pool without guests says
// so; a pool without a domain or a client without sign-out URLs has no
// hosted UI, and the note says why.
func TestAmplifyOutputsVariants(t *testing.T) {
	t.Parallel()
	in := everything()
	in.State.Config.UserPool.SignIn.UsernameAttributes = nil
	in.Identity.Pool.AllowUnauthenticated = false
	in.State.Config.Domain = nil
	b, notes, err := Render(Amplify, in)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"username_attributes": [
      "username"
    ]`, `"unauthenticated_identities_enabled": false`} {
		if !strings.Contains(s, want) {
			t.Errorf("lacks %s:\n%s", want, s)
		}
	}
	if strings.Contains(s, "oauth") || len(notes) != 1 || !strings.Contains(notes[0], "no domain") {
		t.Errorf("no domain: notes %q\n%s", notes, s)
	}

	in = everything()
	in.State.Config.AppClients[1].OAuth.LogoutURLs = nil
	b, notes, _ = Render(Amplify, in)
	if strings.Contains(string(b), "oauth") || len(notes) != 1 || !strings.Contains(notes[0], "logout_urls") {
		t.Errorf("no sign-out URL: notes %q\n%s", notes, b)
	}
	e, _, _ := Render(AWSExports, in)
	if !strings.Contains(string(e), `"oauth": {}`) || strings.Contains(string(e), "federationTarget\": \"COGNITO_USER") {
		t.Errorf("aws-exports without a hosted UI:\n%s", e)
	}

	// Without an identity pool: no id, no guest flag.
	in = everything()
	in.Identity = nil
	b, _, _ = Render(Amplify, in)
	if strings.Contains(string(b), "identity_pool_id") || strings.Contains(string(b), "unauthenticated_identities_enabled") {
		t.Errorf("without an identity pool:\n%s", b)
	}
}

// The front-end formats never name a client with a secret, and none of
// them carries a secret from the state.
func TestFrontEndNeverNamesASecretClient(t *testing.T) {
	t.Parallel()
	in := everything()
	in.Client = "server"
	for _, f := range []Format{Amplify, AWSExports, Env} {
		if _, _, err := Render(f, in); err == nil || !strings.Contains(err.Error(), "has a secret") {
			t.Errorf("%s for a client with a secret: %v", f, err)
		}
	}
	in.Client = "mobile"
	if _, _, err := Render(Amplify, in); err == nil || !strings.Contains(err.Error(), "not in user pool") {
		t.Errorf("a client Cognito does not have: %v", err)
	}
}

func TestEnvQuoting(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"us-east-1_AbC":                    "us-east-1_AbC",
		"http://localhost:3000/,https://x": "http://localhost:3000/,https://x",
		"openid email":                     "'openid email'",
		"https://x/?a=1&b=$HOME#top":       "'https://x/?a=1&b=$HOME#top'",
		`it's "x"`:                         `"it's \"x\""`,
	} {
		if got := envQuote(in); got != want {
			t.Errorf("envQuote(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestSummaryURLsOnlyForAWSRegions(t *testing.T) {
	t.Parallel()
	for arn, want := range map[string]string{
		"arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_abc":       "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc",
		"arn:aws-us-gov:cognito-idp:us-gov-west-1:123456789012:userpool/us-gov-x": "https://cognito-idp.us-gov-west-1.amazonaws.com/us-gov-x",
		"arn:aws:cognito-idp:local:local:userpool/local_abc":                      "",
	} {
		id := arn[strings.LastIndex(arn, "/")+1:]
		st := &cognito.State{PoolID: id, PoolARN: arn, Config: &config.Config{}}
		out := NewSummary(st, nil, &config.Config{})
		if out.IssuerURL != want {
			t.Errorf("%s: issuer %q, want %q", arn, out.IssuerURL, want)
		}
		if want != "" && out.JWKSURL != want+"/.well-known/jwks.json" {
			t.Errorf("%s: jwks %q", arn, out.JWKSURL)
		}
	}
}

// The sign-in and sign-out URLs carry what the authorize and logout
// endpoints require, with redirect_uri and logout_uri exactly as the
// client lists them (Cognito compares them character by character), and
// only for clients that can redirect back to an app.
// https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html
// https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html
func TestSummaryHostedUIURLs(t *testing.T) {
	t.Parallel()
	in := everything()
	web := &in.State.Config.AppClients[1]
	web.OAuth.DefaultRedirectURI = web.OAuth.CallbackURLs[1] // has & and ? of its own
	out := NewSummary(in.State, in.Identity, in.Desired)
	if _, ok := out.SignInURLs["server"]; ok {
		t.Errorf("the server client without OAuth got a sign-in URL: %v", out.SignInURLs)
	}
	in2, err := url.Parse(out.SignInURLs["web"])
	if err != nil || in2.Scheme+"://"+in2.Host != out.HostedUIURL || in2.Path != "/oauth2/authorize" {
		t.Fatalf("sign-in URL %q (%v)", out.SignInURLs["web"], err)
	}
	q := in2.Query()
	for k, want := range map[string]string{"response_type": "code", "client_id": "webclientid", "redirect_uri": web.OAuth.DefaultRedirectURI, "scope": "openid email profile"} {
		if got := q.Get(k); got != want {
			t.Errorf("sign-in %s = %q, want %q", k, got, want)
		}
	}
	outURL, err := url.Parse(out.SignOutURLs["web"])
	if err != nil || outURL.Path != "/logout" || outURL.Query().Get("logout_uri") != web.OAuth.LogoutURLs[0] || outURL.Query().Get("client_id") != "webclientid" {
		t.Errorf("sign-out URL %q (%v)", out.SignOutURLs["web"], err)
	}

	web.OAuth.Flows = []string{"client_credentials"}
	if got := NewSummary(in.State, in.Identity, in.Desired).SignInURLs["web"]; got != "" {
		t.Errorf("a client_credentials client got a sign-in URL %q", got)
	}
}
