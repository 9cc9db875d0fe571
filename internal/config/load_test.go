package config

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// problems parses src and returns its problems as "line:col: message — hint".
func problems(t *testing.T, src string) []string {
	t.Helper()
	_, err := Parse("cognito.yaml", []byte(src))
	if err == nil {
		return nil
	}
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("Parse error is %T, want *LoadError: %v", err, err)
	}
	out := make([]string, len(le.Problems))
	for i, p := range le.Problems {
		out[i] = strings.TrimPrefix(p.String(), "cognito.yaml:")
	}
	return out
}

const minimal = "version: 1\nresource_name: AppAuth\nuser_pool:\n  name: AppUserPool\n"

func TestParseProblems(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "valid minimal file",
			src:  minimal,
		},
		{
			name: "unknown key nested with did-you-mean",
			src:  "version: 1\nuser_pool:\n  sign_in:\n    usernme_attributes: [email]\n",
			want: []string{`4:5: unknown key "usernme_attributes" in user_pool.sign_in — did you mean "username_attributes"?`},
		},
		{
			name: "unknown key in a list item",
			src:  "version: 1\napp_clients:\n  - name: web\n    oauth:\n      flow: [code]\n",
			want: []string{`5:7: unknown key "flow" in app_clients[0].oauth — did you mean "flows"?`},
		},
		{
			name: "camelCase key",
			src:  "version: 1\nresourceName: x\n",
			want: []string{`2:1: unknown top-level key "resourceName" — did you mean "resource_name"?`},
		},
		{
			name: "key at the wrong level",
			src:  "version: 1\nuser_pool:\n  case_sensitive: false\n",
			want: []string{`3:3: unknown key "case_sensitive" in user_pool — "case_sensitive" belongs under user_pool.sign_in`},
		},
		{
			name: "unknown key with nothing close lists the valid keys",
			src:  "version: 1\ndomain:\n  zzz: 1\n",
			want: []string{`3:3: unknown key "zzz" in domain — valid keys here: prefix, custom_domain, certificate_arn, managed_login_version`},
		},
		{
			name: "five mistakes in one file",
			src: `version: 1
user_pool:
  nmae: Pool
  password_policy:
    minimum_length: eight
    require_symbols: maybe
  tags: [a]
app_clients:
  - name: web
    token_validity: { access: 60 }
`,
			want: []string{
				`3:3: unknown key "nmae" in user_pool — did you mean "name"?`,
				`5:21: user_pool.password_policy.minimum_length must be a whole number, not "eight" — write a whole number without quotes, like 8`,
				`6:22: user_pool.password_policy.require_symbols must be true or false, not "maybe" — write true or false without quotes`,
				`7:9: user_pool.tags must be a mapping of keys, not a list — write one ` + "`name: value`" + ` per line under it, or {} for none`,
				`10:31: app_clients[0].token_validity.access: "60" has no unit — end it with s, m, h or d (like 1h or 30d)`,
			},
		},
		{
			name: "quoted number where a number is expected",
			src:  "version: 1\nuser_pool:\n  password_policy: { minimum_length: \"8\" }\n",
			want: []string{`3:38: user_pool.password_policy.minimum_length must be a whole number, not "8" — write a whole number without quotes, like 8`},
		},
		{
			name: "huge number",
			src:  "version: 1\nuser_pool:\n  password_policy:\n    minimum_length: 123456789012345678901234567890\n",
			want: []string{`4:21: user_pool.password_policy.minimum_length: 123456789012345678901234567890 is too large — write a smaller whole number`},
		},
		{
			name: "scalar where a list is expected",
			src:  "version: 1\nuser_pool:\n  account_recovery: verified_email\n",
			want: []string{`3:21: user_pool.account_recovery must be a list, not the value "verified_email" — write it as a list: [verified_email]`},
		},
		{
			name: "list where a single value is expected",
			src:  "version: 1\nresource_name: [a, b]\n",
			want: []string{"2:16: resource_name must be a single value, not a list — write one value on the same line as the key; quote it if it contains `: ` or starts with [, { or -"},
		},
		{
			name: "duplicate key",
			src:  "version: 1\nuser_pool:\n  name: a\n  name: b\n",
			want: []string{`4:3: duplicate key "name" in user_pool (first written at line 3) — keep one of them`},
		},
		{
			name: "missing version",
			src:  "resource_name: AppAuth\n",
			want: []string{"1:1: missing version — add `version: 1` as the first line"},
		},
		{
			name: "quoted version",
			src:  "version: \"1\"\n",
			want: []string{"1:10: version must be the number 1, not the text \"1\" — write `version: 1` without quotes"},
		},
		{
			name: "future version",
			src:  "version: 2\n",
			want: []string{"1:10: version 2 is not supported: this cogwiz reads version 1 files — write `version: 1`, or upgrade cogwiz if the file was written by a newer one"},
		},
		{
			name: "empty file",
			src:  "",
			want: []string{"1:1: the file is empty — start it with `version: 1`, or run `cogwiz init` to write a complete file"},
		},
		{
			name: "only comments",
			src:  "# nothing yet\n",
			want: []string{"1:1: the file is empty — start it with `version: 1`, or run `cogwiz init` to write a complete file"},
		},
		{
			name: "two documents",
			src:  "version: 1\n---\nversion: 1\n",
			want: []string{"2:1: more than one YAML document in the file — keep one document: remove the `---` line and everything after it, or move it to its own file"},
		},
		{
			name: "syntax error",
			src:  "version: 1\nuser_pool:\n  name: a\n   sign_in: {}\n",
			want: []string{"4:1: invalid YAML: mapping values are not allowed in this context — check the indentation, and quote values that contain `: `, `#` or start with a special character"},
		},
		{
			name: "tab indentation",
			src:  "version: 1\nuser_pool:\n\tname: a\n",
			want: []string{"3:1: invalid YAML: found character that cannot start any token — indent with spaces: YAML does not allow tabs for indentation"},
		},
		{
			name: "root is a list",
			src:  "- version: 1\n",
			want: []string{"1:1: the file must be a mapping of keys, not a list — start it with `version: 1` (run `cogwiz init --defaults` for a complete example)"},
		},
		{
			name: "anchors, aliases and merge keys are fine",
			src: `version: 1
user_pool:
  name: p
  attributes:
    required: &req [email]
  verification:
    auto_verified_attributes: *req
app_clients:
  - &base
    name: web
    auth_flows: [ALLOW_USER_SRP_AUTH]
  - <<: *base
    name: mobile
`,
		},
		{
			name: "problem inside an anchor is reported once",
			src:  "version: 1\napp_clients:\n  - &c { name: a, bogus: 1 }\n  - *c\n",
			want: []string{`3:19: unknown key "bogus" in app_clients[0] — valid keys here: name, id, generate_secret, token_validity, auth_flows, read_attributes, write_attributes, oauth, prevent_user_existence_errors, enable_token_revocation`},
		},
		{
			name: "merge key of a scalar",
			src:  "version: 1\nuser_pool:\n  <<: 3\n",
			want: []string{"3:7: a merge key (<<) needs a mapping, not the value \"3\" — write `<<: *anchor` where the anchor names a mapping"},
		},
		{
			name: "alias without its anchor",
			src:  "version: 1\nuser_pool:\n  name: *nope\n",
			want: []string{"3:1: alias *nope names no anchor — mark the value to reuse with &nope before this line, or remove the alias"},
		},
		{
			name: "quoted true is not a boolean",
			src:  "version: 1\nuser_pool:\n  deletion_protection: \"true\"\n",
			want: []string{`3:24: user_pool.deletion_protection must be true or false, not "true" — write true or false without quotes`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := problems(t, tt.src)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("problems:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// mergeBomb builds a file whose merge keys expand to 8^levels mappings.
func mergeBomb(levels int) string {
	var b strings.Builder
	b.WriteString("version: 1\nx: &a0 {name: x}\n")
	for i := 1; i <= levels; i++ {
		b.WriteString("x" + strconv.Itoa(i) + ": &a" + strconv.Itoa(i) + " {<<: [" +
			strings.TrimSuffix(strings.Repeat("*a"+strconv.Itoa(i-1)+",", 8), ",") + "]}\n")
	}
	b.WriteString("app_clients: [{<<: *a" + strconv.Itoa(levels) + "}]\n")
	return b.String()
}

func TestParseStopsExpandingAliases(t *testing.T) {
	t.Parallel()
	got := strings.Join(problems(t, mergeBomb(12)), "\n")
	if !strings.Contains(got, "the file expands to too many values — use fewer aliases") {
		t.Errorf("8^12 merged mappings: problems\n%s\nwant one about expansion", got)
	}
}

func TestParseValues(t *testing.T) {
	t.Parallel()
	src := `version: 1
user_pool:
  name: 123
  sign_in: { username_attributes: [], case_sensitive: no }
  attributes: { required: [] }
  tags: {}
  deletion_protection: yes
  mfa: { mode: "OFF" }
  triggers:
app_clients:
  - &web
    name: web
    generate_secret: false
  - <<: *web
    name: mobile
`
	d, err := Parse("cognito.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	c := d.Config
	up := c.UserPool
	checks := []struct {
		what string
		ok   bool
	}{
		{"a number is read as text where text is expected", up.Name == "123"},
		{"[] decodes to nil", up.SignIn.UsernameAttributes == nil && up.Attributes.Required == nil},
		{"{} decodes to a nil map", up.Tags == nil},
		{"YAML 1.1 no is false", up.SignIn.CaseSensitive != nil && !*up.SignIn.CaseSensitive},
		{"YAML 1.1 yes is true", up.DeletionProtection != nil && *up.DeletionProtection},
		{"quoted OFF stays text", up.MFA != nil && up.MFA.Mode == "OFF"},
		{"a key with no value is absent", up.Triggers == nil},
		{"merge keys apply", len(c.AppClients) == 2 && c.AppClients[1].Name == "mobile" && !c.AppClients[1].GenerateSecret},
	}
	for _, ch := range checks {
		if !ch.ok {
			t.Errorf("%s: got %+v", ch.what, c)
		}
	}
}

func TestDocumentPositions(t *testing.T) {
	t.Parallel()
	src := `version: 1
user_pool:
  name: p
  sign_in:
    username_attributes: [email]
  tags:
    env: prod
app_clients:
  - name: web
  - name: mobile
    oauth:
      flows: [code]
      scopes: [openid]
      callback_urls:
        - https://a.example.com/
        - https://b.example.com/
`
	d, err := Parse("cognito.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		want Pos
	}{
		{"version", Pos{1, 1}},
		{"user_pool", Pos{2, 1}},
		{"user_pool.sign_in.username_attributes", Pos{5, 5}},
		{"user_pool.sign_in.username_attributes[0]", Pos{5, 27}},
		{"user_pool.tags.env", Pos{7, 5}},
		{"app_clients", Pos{8, 1}},
		{"app_clients[0]", Pos{9, 5}},
		{"app_clients[1]", Pos{10, 5}},
		{"app_clients[1].oauth.callback_urls[1]", Pos{16, 11}},
		{"app_clients[1].oauth.callback_urls[7]", Pos{14, 7}}, // nearest written ancestor
		{"user_pool.password_policy.minimum_length", Pos{2, 1}},
		{"identity_pool.name", Pos{1, 1}},
	}
	for _, tt := range tests {
		if got := d.Pos(tt.path); got != tt.want {
			t.Errorf("Pos(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestLoad(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	_, err := Load(filepath.Join(dir, "cognito.yaml"))
	var h interface{ Hint() string }
	if err == nil || !errors.As(err, &h) || !strings.Contains(h.Hint(), "cogwiz init") || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: error %v, want fs.ErrNotExist with a hint naming `cogwiz init`", err)
	}
	path := filepath.Join(dir, "x.yaml")
	if err := os.WriteFile(path, []byte("version: 1\nbogus: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(path)
	if want := path + `:2:1: unknown top-level key "bogus"`; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %v, want it to start with %q", err, want)
	}
	if err := os.WriteFile(path, []byte(minimal), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := Load(path)
	if err != nil || d.Path != path || d.Config.UserPool.Name != "AppUserPool" {
		t.Errorf("Load = %+v, %v", d, err)
	}
}

// TestFullFileUsesEveryKey keeps testdata/full.yaml complete as the model
// grows: every key of the model must be written in it.
func TestFullFileUsesEveryKey(t *testing.T) {
	t.Parallel()
	d := loadFile(t, "testdata/full.yaml")
	written := map[string]bool{}
	for p := range d.pos {
		written[NormalizeKey(p)] = true
	}
	var missing []string
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || reflect.PointerTo(t).Implements(textUnmarshaler) {
			return
		}
		for _, f := range structInfoOf(t).fields {
			p := joinPath(prefix, f.name)
			if !written[p] {
				missing = append(missing, p)
			}
			walk(t.Field(f.index).Type, p)
		}
	}
	walk(reflect.TypeFor[Config](), "")
	if len(missing) > 0 {
		t.Errorf("testdata/full.yaml does not set %s", strings.Join(missing, ", "))
	}
	for _, is := range Validate(d.Config) {
		if is.Severity == SeverityError {
			t.Errorf("testdata/full.yaml is invalid: %s: %s", is.Path, is.Message)
		}
	}
	idp := map[string]bool{}
	for _, p := range d.Config.IdentityProviders {
		idp[p.Type] = true
		if p.ClientSecret != "" && !IsSecretRef(p.ClientSecret) {
			t.Errorf("identity provider %s: client_secret %q is not a ${env:NAME} reference", p.Type, p.ClientSecret)
		}
	}
	for _, typ := range []string{IdPGoogle, IdPFacebook, IdPAmazon, IdPApple, IdPOIDC, IdPSAML} {
		if !idp[typ] {
			t.Errorf("testdata/full.yaml has no %s identity provider", typ)
		}
	}
}

func loadFile(t testing.TB, path string) *Document {
	t.Helper()
	d, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func BenchmarkParse(b *testing.B) {
	files := map[string][]byte{}
	for _, name := range []string{"recommended.golden.yaml", "full.yaml"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			b.Fatal(err)
		}
		files[name] = data
	}
	files["recommended-no-comments"] = []byte(stripComments(string(files["recommended.golden.yaml"])))
	for _, name := range []string{"recommended.golden.yaml", "recommended-no-comments", "full.yaml"} {
		data := files[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(name, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// FuzzLoad: Parse never panics, reports problems in place, and whatever it
// accepts survives Marshal and Parse unchanged.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add([]byte("version: 1\nuser_pool: {tags: {? [a]: b}}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse("f.yaml", data)
		if err != nil {
			var le *LoadError
			if !errors.As(err, &le) || len(le.Problems) == 0 {
				t.Fatalf("Parse error %T %v, want a *LoadError with problems", err, err)
			}
			for _, p := range le.Problems {
				if p.Line < 1 || p.Col < 1 || p.Message == "" {
					t.Fatalf("problem without a place or a message: %#v", p)
				}
			}
			// validate reports rule problems of what did load, too: the
			// rules must cope with any partly read file.
			if all := ValidatePartial(le); len(all) < len(le.Problems) {
				t.Fatalf("ValidatePartial lost load problems: %d < %d", len(all), len(le.Problems))
			}
			return
		}
		_ = ValidateDocument(d)
		out, err := Marshal(d.Config)
		if err != nil {
			t.Fatalf("Marshal of a parsed config: %v", err)
		}
		d2, err := Parse("f.yaml", out)
		if err != nil {
			t.Fatalf("Parse of Marshal output: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(d.Config, d2.Config) {
			t.Fatalf("round trip changed the config:\n%#v\n%#v\n%s", d.Config, d2.Config, out)
		}
		out2, err := Marshal(d2.Config)
		if err != nil || !bytes.Equal(out, out2) {
			t.Fatalf("second Marshal differs (err %v):\n%s\n---\n%s", err, out, out2)
		}
	})
}
