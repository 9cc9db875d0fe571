package clientjs_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cogwiz/cogwiz/internal/aws/fakeaws"
	"github.com/cogwiz/cogwiz/internal/cmd/root"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cmdutil/cmdtest"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/cognito/cognitofake"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/docshots"
	"github.com/cogwiz/cogwiz/internal/emulator"
	"github.com/cogwiz/cogwiz/internal/iostreams"
	"github.com/cogwiz/cogwiz/internal/outputs"
	"github.com/cogwiz/cogwiz/internal/outputs/clientjs"
)

// googleSecret is the value of the ${env:GOOGLE_CLIENT_SECRET} the
// identity provider configs refer to; no output may hold it.
const googleSecret = "google-secret-never-written-4d1c"

func TestMain(m *testing.M) {
	os.Setenv("GOOGLE_CLIENT_SECRET", googleSecret)
	os.Exit(cmdtest.IsolateHome(m))
}

// files is every outputs file one apply writes, by format.
var files = map[outputs.Format]string{
	outputs.Amplify:    "amplify_outputs.json",
	outputs.AWSExports: "aws-exports.js",
	outputs.Env:        ".env",
	outputs.JSON:       "cognito-outputs.json",
}

// applied is one configuration applied with `cogwiz apply --outputs`.
type applied struct {
	name string
	dir  string
	// clientID is the public client's id and secrets the client secrets,
	// as Cognito itself says (not the outputs).
	clientID string
	secrets  []string
}

func (a applied) read(t *testing.T, f outputs.Format) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(a.dir, files[f]))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// applyWithOutputs runs the real `cogwiz apply --auto-approve` over f,
// writing the four outputs files in a fresh directory.
func applyWithOutputs(t *testing.T, f *cmdutil.Factory, api cognito.API, dir, name string, cfg *config.Config) applied {
	t.Helper()
	b, err := config.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "cognito.yaml")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, out, errOut := iostreams.Test()
	f.IOStreams = ios
	args := []string{"apply", "--auto-approve", "-f", file}
	for _, name := range files {
		args = append(args, "--outputs", filepath.Join(dir, name))
	}
	if code := root.Run(context.Background(), f, args); code != 0 {
		t.Fatalf("%s: apply exited %d:\n%s%s", name, code, out, errOut)
	}
	a := applied{name: name, dir: dir}
	ctx := context.Background()
	poolID, err := cognito.FindPoolID(ctx, api, cfg)
	if err != nil {
		t.Fatal(err)
	}
	want, err := outputs.PickClient(cfg, "")
	if err != nil {
		t.Fatal(err)
	}
	list, err := api.ListUserPoolClients(ctx, &cip.ListUserPoolClientsInput{UserPoolId: aws.String(poolID), MaxResults: aws.Int32(60)})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range list.UserPoolClients {
		d, err := api.DescribeUserPoolClient(ctx, &cip.DescribeUserPoolClientInput{UserPoolId: aws.String(poolID), ClientId: c.ClientId})
		if err != nil {
			t.Fatal(err)
		}
		if s := aws.ToString(d.UserPoolClient.ClientSecret); s != "" {
			a.secrets = append(a.secrets, s)
		}
		if aws.ToString(c.ClientName) == want {
			a.clientID = aws.ToString(c.ClientId)
		}
	}
	if a.clientID == "" {
		t.Fatalf("%s: Cognito has no client %s", name, want)
	}
	return a
}

// recipes are the complete cognito.yaml files of docs/recipes.
func recipes(t *testing.T) map[string]*config.Config {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "..", "docs", "recipes", "*.md"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no recipes found (%v)", err)
	}
	out := map[string]*config.Config{}
	for _, p := range paths {
		md, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range docshots.Blocks(md) {
			if b.Lang != "yaml" || b.Marker == "partial" {
				continue
			}
			doc, err := config.Parse(p, []byte(b.Text))
			if err != nil {
				t.Fatalf("%s:%d: %v", p, b.Line, err)
			}
			out[fmt.Sprintf("%s:%d", filepath.Base(p), b.Line)] = doc.Config
		}
	}
	return out
}

// emulatorCanHold says whether cognito-local can hold cfg (it has no
// domains, identity providers, resource servers or identity pools).
func emulatorCanHold(c *config.Config) bool {
	return c.Domain == nil && len(c.IdentityProviders) == 0 && len(c.ResourceServers) == 0 && c.IdentityPool == nil
}

// TestClientLibrariesReadTheOutputs applies the recipes and the test
// configurations with `cogwiz apply --outputs` — to cognito-local when it
// can hold them, to the fake AWS otherwise (domains, Google, identity
// pools) — and hands every file written to the client libraries:
//
//   - tsc, in one run, checks each amplify_outputs.json against the
//     published type of @aws-amplify/client-config and aws-amplify's own;
//   - aws-amplify's parseAWSExports must make of aws-exports.js the same
//     auth configuration its parseAmplifyConfig makes of
//     amplify_outputs.json;
//   - the .env lines carry the same values;
//   - no file holds a secret: not the Google client secret from the
//     environment, not any client secret Cognito generated;
//   - an app configured from amplify_outputs.json alone signs a user up
//     and in against cognito-local, and the ID token names the pool and
//     the client.
func TestClientLibrariesReadTheOutputs(t *testing.T) {
	t.Parallel()
	clientjs.Modules(t) // skip or fail now, before the applies, without the libraries
	srv := emulator.Start(t)
	emuAPI := srv.Client(t)

	// Each apply waits a second after making its pool (for twins made at
	// the same moment), so they run side by side.
	type job struct {
		name   string
		cfg    *config.Config
		onFake bool
	}
	rec := config.Recommended()
	rec.ResourceName, rec.UserPool.Name = "ClientJSAuth", "ClientJSUserPool"
	// The password flow cognito-local signs in with; no hosted UI there.
	rec.AppClients[0].AuthFlows = []string{"ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}
	rec.Domain, rec.AppClients[0].OAuth = nil, nil
	everything := cognitofake.EverythingConfig("ClientJSEverything")
	everything.Services = config.ServicesUserPoolIdentityPool
	everything.IdentityPool = &config.IdentityPool{Name: "everything_identity", AllowUnauthenticated: true,
		Providers: []config.IdentityPoolProvider{{Type: "google", AppID: "google-web-client-id"}}}
	jobs := []job{{"recommended", rec, false}, {"FullConfig", cognitofake.FullConfig("ClientJSFull"), false}, {"EverythingConfig", everything, true}}
	n := 0
	for name, cfg := range recipes(t) {
		n++
		cfg.ResourceName += fmt.Sprint(n)
		cfg.UserPool.Name += fmt.Sprint(n)
		jobs = append(jobs, job{name, cfg, !emulatorCanHold(cfg)})
	}
	if n < 5 {
		t.Fatalf("only %d recipes found", n)
	}
	all := make([]applied, len(jobs))
	work := t.TempDir() // the files outlive each apply's subtest
	t.Run("apply", func(t *testing.T) {
		for i, j := range jobs {
			dir := filepath.Join(work, fmt.Sprint(i))
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			t.Run(j.name, func(t *testing.T) {
				t.Parallel()
				if !j.onFake {
					f := &cmdutil.Factory{Cognito: func(context.Context) (cognito.API, error) { return emuAPI, nil }}
					all[i] = applyWithOutputs(t, f, emuAPI, dir, j.name, j.cfg)
					return
				}
				w := fakeaws.Start(t)
				f := &cmdutil.Factory{}
				w.Wire(f)
				all[i] = applyWithOutputs(t, f, w.API, dir, j.name, j.cfg)
			})
		}
	})
	if t.Failed() {
		return
	}
	signIn := all[0]

	t.Run("published types", func(t *testing.T) {
		sources := map[string][]byte{}
		for _, a := range all {
			sources[a.name] = a.read(t, outputs.Amplify)
		}
		// A control in the same run: the compiler must refuse a file with
		// a value the type does not allow, so a silent tsc proves nothing.
		bad := bytes.Replace(all[0].read(t, outputs.Amplify), []byte(`"mfa_configuration": "NONE"`), []byte(`"mfa_configuration": "OFF"`), 1)
		if bytes.Equal(bad, all[0].read(t, outputs.Amplify)) {
			t.Fatal("the control could not be made: no mfa_configuration NONE in the first file")
		}
		sources["control"] = bad
		errs := clientjs.TypeCheck(t, sources)
		if len(errs["control"]) == 0 || !strings.Contains(strings.Join(errs["control"], "\n"), `"OFF"`) {
			t.Errorf("tsc accepted mfa_configuration OFF: %q", errs["control"])
		}
		delete(errs, "control")
		for name, e := range errs {
			t.Errorf("%s: amplify_outputs.json does not have the published type:\n%s\n%s", name, strings.Join(e, "\n"), sources[name])
		}
	})

	t.Run("aws-exports reads as amplify_outputs", func(t *testing.T) {
		var pairs [][2]string
		for _, a := range all {
			pairs = append(pairs, [2]string{filepath.Join(a.dir, files[outputs.Amplify]), filepath.Join(a.dir, files[outputs.AWSExports])})
		}
		hosted := 0
		for i, p := range clientjs.Parse(t, pairs) {
			a := all[i]
			var file struct {
				Auth struct {
					Verification []string `json:"user_verification_types"`
				} `json:"auth"`
			}
			if err := json.Unmarshal(a.read(t, outputs.Amplify), &file); err != nil {
				t.Fatal(err)
			}
			fromOutputs, fromExports := cognitoPart(t, p.Amplify), cognitoPart(t, p.AWSExports)
			if fromOutputs["userPoolClientId"] != a.clientID || fromOutputs["userPoolId"] == nil {
				t.Errorf("%s: aws-amplify read client %v, pool %v; Cognito's client is %s", a.name, fromOutputs["userPoolClientId"], fromOutputs["userPoolId"], a.clientID)
			}
			if lw, _ := fromOutputs["loginWith"].(map[string]any); lw != nil && lw["oauth"] != nil {
				hosted++
			}
			sameForBothParsers(fromOutputs, fromExports, file.Auth.Verification)
			if !reflect.DeepEqual(fromOutputs, fromExports) {
				o, _ := json.MarshalIndent(fromOutputs, "", "  ")
				e, _ := json.MarshalIndent(fromExports, "", "  ")
				t.Errorf("%s: aws-amplify reads the two files differently\namplify_outputs.json: %s\naws-exports.js:       %s", a.name, o, e)
			}
		}
		if hosted < 2 {
			t.Errorf("only %d configurations had a hosted UI; the comparison must cover oauth", hosted)
		}
	})

	t.Run("env", func(t *testing.T) {
		for _, a := range all {
			env := readEnv(t, a.read(t, outputs.Env))
			var file struct {
				Auth struct {
					Region         string `json:"aws_region"`
					PoolID         string `json:"user_pool_id"`
					ClientID       string `json:"user_pool_client_id"`
					IdentityPoolID string `json:"identity_pool_id"`
					OAuth          *struct {
						Domain       string   `json:"domain"`
						Scopes       []string `json:"scopes"`
						SignIn       []string `json:"redirect_sign_in_uri"`
						SignOut      []string `json:"redirect_sign_out_uri"`
						ResponseType string   `json:"response_type"`
					} `json:"oauth"`
				} `json:"auth"`
			}
			if err := json.Unmarshal(a.read(t, outputs.Amplify), &file); err != nil {
				t.Fatal(err)
			}
			if file.Auth.ClientID != a.clientID {
				t.Errorf("%s: amplify_outputs.json names client %s; Cognito's is %s", a.name, file.Auth.ClientID, a.clientID)
			}
			ids := map[string]string{
				"COGNITO_REGION":           file.Auth.Region,
				"COGNITO_USER_POOL_ID":     file.Auth.PoolID,
				"COGNITO_CLIENT_ID":        a.clientID,
				"COGNITO_IDENTITY_POOL_ID": file.Auth.IdentityPoolID,
			}
			var summary outputs.Summary
			if err := json.Unmarshal(a.read(t, outputs.JSON), &summary); err != nil {
				t.Fatal(err)
			}
			ids["COGNITO_ISSUER"] = summary.IssuerURL
			if o := file.Auth.OAuth; o != nil {
				ids["COGNITO_DOMAIN"] = o.Domain
				ids["COGNITO_SCOPES"] = strings.Join(o.Scopes, " ")
				ids["COGNITO_REDIRECT_SIGN_IN"] = strings.Join(o.SignIn, ",")
				ids["COGNITO_REDIRECT_SIGN_OUT"] = strings.Join(o.SignOut, ",")
				ids["COGNITO_RESPONSE_TYPE"] = o.ResponseType
			}
			for k, v := range ids {
				if v == "" {
					delete(ids, k)
				}
			}
			if !reflect.DeepEqual(env, ids) {
				t.Errorf("%s: .env says %v\nwant the values of amplify_outputs.json and Cognito: %v", a.name, env, ids)
			}
		}
	})

	t.Run("no secret", func(t *testing.T) {
		secrets := []string{googleSecret}
		for _, a := range all {
			secrets = append(secrets, a.secrets...)
		}
		if len(secrets) < 3 {
			t.Fatalf("only %d secrets to look for; the configurations must have client secrets", len(secrets))
		}
		for _, a := range all {
			for f := range files {
				b := a.read(t, f)
				for _, s := range secrets {
					if bytes.Contains(b, []byte(s)) {
						t.Errorf("%s: %s holds a secret", a.name, files[f])
					}
				}
				if bytes.Contains(bytes.ToLower(b), []byte("secret\":")) || bytes.Contains(b, []byte("${env:")) {
					t.Errorf("%s: %s has a secret's key or reference:\n%s", a.name, files[f], b)
				}
			}
		}
	})

	t.Run("sign in", func(t *testing.T) {
		const email = "grace@example.com"
		s := clientjs.SignInWith(t, filepath.Join(signIn.dir, files[outputs.Amplify]), srv.Endpoint, "grace", email, "correct-horse-battery-staple", emulator.Code)
		c := s.Claims
		poolID, err := cognito.FindPoolID(context.Background(), emuAPI, rec)
		if err != nil {
			t.Fatal(err)
		}
		if s.SignUpStep != "CONFIRM_SIGN_UP" || !s.Confirmed || !s.SignedIn || s.Username != "grace" || !s.SignedOut {
			t.Errorf("sign-up, confirm, sign-in, sign-out: %+v", s)
		}
		if c["email"] != email || str(c["sub"]) == "" || c["aud"] != signIn.clientID || c["token_use"] != "id" ||
			!strings.HasSuffix(str(c["iss"]), "/"+poolID) {
			t.Errorf("ID token claims %v; want email %s, a sub, aud %s and an issuer ending in the pool id %s", c, email, signIn.clientID, poolID)
		}
	})
}

func str(v any) string { s, _ := v.(string); return s }

// cognitoPart is Auth.Cognito of a parsed ResourcesConfig.
func cognitoPart(t *testing.T, auth map[string]any) map[string]any {
	t.Helper()
	c, ok := auth["Cognito"].(map[string]any)
	if !ok {
		t.Fatalf("no Auth.Cognito in %v", auth)
	}
	return c
}

// sameForBothParsers takes out of the two parsed configurations what
// aws-amplify's two parsers make differently by design, whatever the
// files say, so that everything else must be equal:
//
//   - groups: aws-exports.js has no key for them (parseAWSExports never
//     sets them); amplify_outputs.json's are checked by the types and the
//     unit tests;
//   - allowGuestAccess false: parseAmplifyOutputs sets the key only when
//     it is true; parseAWSExports always (false for aws_mandatory_sign_in
//     "enable");
//   - userAttributes: parseAWSExports marks every verification mechanism
//     required too ("all user attributes generated by the CLI are
//     required"), so the verified attributes join the required ones;
//   - oauth.providers []: parseAWSExports leaves the key out without
//     social providers.
func sameForBothParsers(fromOutputs, fromExports map[string]any, verified []string) {
	delete(fromOutputs, "groups")
	for _, c := range []map[string]any{fromOutputs, fromExports} {
		if c["allowGuestAccess"] == false {
			delete(c, "allowGuestAccess")
		}
		if lw, ok := c["loginWith"].(map[string]any); ok {
			if o, ok := lw["oauth"].(map[string]any); ok {
				if p, ok := o["providers"].([]any); ok && len(p) == 0 {
					delete(o, "providers")
				}
			}
		}
	}
	if len(verified) > 0 {
		ua, _ := fromOutputs["userAttributes"].(map[string]any)
		if ua == nil {
			ua = map[string]any{}
		}
		for _, v := range verified {
			ua[v] = map[string]any{"required": true}
		}
		fromOutputs["userAttributes"] = ua
	}
}

// readEnv reads KEY=value lines the way .env readers do: # comments,
// single quotes literal, double quotes with \" and \\ escapes.
func readEnv(t *testing.T, b []byte) map[string]string {
	t.Helper()
	out := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok || !slices.Contains(outputs.EnvKeys, k) {
			t.Errorf(".env line %q is not KEY=value with a documented key", line)
			continue
		}
		switch {
		case strings.HasPrefix(v, "'"):
			v = strings.TrimSuffix(strings.TrimPrefix(v, "'"), "'")
		case strings.HasPrefix(v, `"`):
			v = strings.NewReplacer(`\"`, `"`, `\\`, `\`).Replace(strings.TrimSuffix(strings.TrimPrefix(v, `"`), `"`))
		}
		out[k] = v
	}
	return out
}
