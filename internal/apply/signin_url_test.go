package apply_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/cognito/cognitofake"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/outputs"
)

// The sign-in URL apply prints is one the authorize endpoint accepts:
// cognito-local's /oauth2/authorize checks client_id, response_type and
// that redirect_uri is one of the client's callback URLs, character for
// character, as Cognito does. The emulator has no domains, so the URL is
// made for a domain and sent to the emulator's own authorize endpoint.
// The emulator also insists on PKCE, which Cognito leaves to the app (the
// app adds code_challenge when it sends the user there), so the test adds
// one.
// https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html
func TestSignInURLIsAcceptedByTheAuthorizeEndpoint(t *testing.T) {
	t.Parallel()
	s := sharedEmulator(t)
	api, _ := cognitofake.Connect(t, s.Options())
	cfg := cognitofake.FullConfig("SignInURL")
	web := cfg.AppClients[0].OAuth
	web.CallbackURLs = append(web.CallbackURLs, "https://app.example.com/cb?x=1&y=a b")
	web.DefaultRedirectURI = web.CallbackURLs[1]
	_, res := mustApply(t, api, cfg)

	st := *res.State
	live := *st.Config
	live.Domain = &config.Domain{Prefix: "signin-url"}
	st.Config = &live
	st.PoolARN = strings.Replace(st.PoolARN, ":local:local:", ":us-east-1:123456789012:", 1)
	signIn := outputs.NewSummary(&st, nil, cfg).SignInURLs["web"]
	u, err := url.Parse(signIn)
	if err != nil || u.Path != "/oauth2/authorize" {
		t.Fatalf("sign-in URL %q (%v)", signIn, err)
	}
	const pkce = "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
	get := func(query string) (int, string) {
		resp, err := http.Get(s.Endpoint + u.Path + "?" + query + pkce)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	if code, body := get(u.RawQuery); code != http.StatusOK {
		t.Errorf("the authorize endpoint answers %d to %s: %s", code, signIn, body)
	}
	// The endpoint does check: a redirect_uri one character off is refused.
	q := u.Query()
	q.Set("redirect_uri", web.DefaultRedirectURI+"/")
	if code, body := get(q.Encode()); code != http.StatusBadRequest || !strings.Contains(body, "redirect_uri not registered") {
		t.Errorf("the authorize endpoint answers %d to an unregistered redirect_uri: %s", code, body)
	}
}
