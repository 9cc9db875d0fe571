package config

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// Refresh the goldens after a model or registry change with
//
//	go test ./internal/config -run Golden -update
var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestMarshalGolden(t *testing.T) {
	tests := []struct {
		name     string
		config   func(t *testing.T) *Config
		comments Comments
		golden   string
	}{
		{"recommended", func(*testing.T) *Config { return Recommended() }, CommentsFull, "testdata/recommended.golden.yaml"},
		{"recommended brief", func(*testing.T) *Config { return Recommended() }, CommentsBrief, "testdata/recommended-brief.golden.yaml"},
		{"full", func(t *testing.T) *Config { return loadFile(t, "testdata/full.yaml").Config }, CommentsFull, "testdata/full.golden.yaml"},
		{"full brief", func(t *testing.T) *Config { return loadFile(t, "testdata/full.yaml").Config }, CommentsBrief, "testdata/full-brief.golden.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.config(t)
			got, err := MarshalComments(c, tt.comments)
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				if err := WriteFileAtomic(tt.golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(tt.golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Marshal differs from %s (run `go test ./internal/config -run Golden -update` and review the diff):\n%s",
					tt.golden, firstDiff(string(want), string(got)))
			}
			assertRoundTrip(t, c)
		})
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\nwant: " + w + "\n got: " + g
		}
	}
	return ""
}

// assertRoundTrip checks Parse(Marshal(c)) == c and that a second Marshal
// writes the same bytes.
func assertRoundTrip(t *testing.T, c *Config) {
	t.Helper()
	out, err := Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse("out.yaml", out)
	if err != nil {
		t.Fatalf("Parse(Marshal(c)): %v\n%s", err, out)
	}
	if !reflect.DeepEqual(d.Config, c) {
		t.Fatalf("Parse(Marshal(c)) != c:\n got %#v\nwant %#v\n%s", d.Config, c, out)
	}
	out2, err := Marshal(d.Config)
	if err != nil || !bytes.Equal(out, out2) {
		t.Fatalf("Marshal(Parse(Marshal(c))) differs (err %v):\n%s", err, firstDiff(string(out), string(out2)))
	}
}

func TestMarshalRoundTripStrings(t *testing.T) {
	t.Parallel()
	odd := []string{
		"OFF", "ON", "yes", "No", "y", "n", "true", "False", "null", "~", "Null",
		"123", "0x1F", "1_000", "1.5", ".inf", "1e3", "12:30", "2001-12-14",
		"", " lead", "trail ", "a: b", "a #b", "#x", "- x", "-", "@x", "`x", "'x", `"x"`, "[a]", "{a}", "a,b",
		"multi\nline\n", "multi\nline", "multi\nline\n\n\n", "a\n\nb\n", "a\n  indented\n#not a comment\n---\n...\n", "a\n\n", "\nlead", " a\nb", "a \nb", "a\n\tb", "a\r\nb", "tab\there", "nul\x00", "bell\a", "del\x7f", "ünïcödé", "line\u2028sep", "bom\ufeff", "nel\u0085",
		"${env:GOOGLE_CLIENT_SECRET}", "custom:tier", "http://localhost:3000/", "a\\b",
		strings.Repeat("long ", 400),
	}
	for _, s := range odd {
		c := Recommended()
		c.ResourceName = s
		c.UserPool.AccountRecovery = []string{s, "x"}
		c.UserPool.Tags = map[string]string{s + "k": s, "plain": s}
		c.AppClients[0].OAuth.Scopes = []string{s}
		assertRoundTrip(t, c)
	}
	c := Recommended()
	c.UserPool.Tags = map[string]string{strings.Repeat("k", 1500): "v", "": "empty key"}
	assertRoundTrip(t, c)
}

func TestMarshalCanonicalEmpties(t *testing.T) {
	t.Parallel()
	a, b := Recommended(), Recommended()
	b.UserPool.SignIn.UsernameAttributes = []string{}
	b.UserPool.SignIn.AliasAttributes = []string{}
	b.UserPool.Tags = map[string]string{}
	b.AppClients[0].ReadAttributes = []string{}
	outA, errA := Marshal(a)
	outB, errB := Marshal(b)
	if errA != nil || errB != nil || !bytes.Equal(outA, outB) {
		t.Errorf("empty and nil lists and maps should be written alike (errors %v, %v)", errA, errB)
	}
	if !bytes.Contains(outA, []byte("\n    username_attributes: []\n")) {
		t.Errorf("a list key without omitempty should be written as []:\n%s", outA)
	}
	c := &Config{Version: 1, UserPool: UserPool{Triggers: &Triggers{}, PasswordPolicy: &PasswordPolicy{}}, AppClients: []AppClient{{}, {}}}
	assertRoundTrip(t, c)
}

func TestMarshalLayout(t *testing.T) {
	t.Parallel()
	c := Recommended()
	c.UserPool.MFA.Factors = []string{FactorTOTP}
	c.UserPool.Groups = []Group{{Name: "Admins", Precedence: Int(1)}, {Name: "Users"}}
	out, err := Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	if !strings.HasPrefix(s, "# yaml-language-server: $schema="+SchemaURL+"\n") {
		t.Errorf("first line is not the schema comment:\n%s", s[:min(len(s), 200)])
	}
	for _, want := range []string{
		"`cogwiz explain KEY`", "`cogwiz validate`",
		"\n    mode: \"OFF\"\n", "\n    factors: [totp]\n",
		"\n  - name: web\n", "\n    generate_secret: false\n",
		"\n      callback_urls: [\"http://localhost:3000/login/\"]\n",
		"\n    - name: Admins\n      precedence: 1\n    - name: Users\n",
		"\n\napp_clients:  # ", "\n\ndomain:  # ",
	} {
		if !strings.Contains(stripComments(s), want) && !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, stripComments(s))
		}
	}
	for i, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, " "), "#") {
			continue
		}
		if n := len(l) - len(strings.TrimLeft(l, " ")); n%2 != 0 {
			t.Errorf("line %d is indented by %d spaces: %q", i+1, n, l)
		}
	}
}

// stripComments drops comment lines, leaving the blank lines.
func stripComments(s string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(s, "\n") {
		if !strings.HasPrefix(strings.TrimLeft(l, " "), "#") {
			b.WriteString(l)
		}
	}
	return b.String()
}

func TestMarshalComments(t *testing.T) {
	t.Parallel()
	whyTag := "the tag is how the pool is found. Pin the pool first to rename it."
	notes := map[string]*Setting{
		"resource_name": {Title: "Resource name", Meaning: "Labels the pool so that apply finds it again; it is written as a tag on the user pool and read back by plan. More words here.",
			CreateOnly: true, CreateOnlyWhy: whyTag, DocURL: "https://docs.aws.amazon.com/x.html"},
		"user_pool":         {Title: "User pool", Meaning: "The directory: who signs in.", DocURL: "https://docs.aws.amazon.com/pool.html"},
		"user_pool.name":    {Title: "Pool name", Meaning: "The name.", DocURL: "https://docs.aws.amazon.com/pool.html"},
		"user_pool.sign_in": {Title: "Sign-in", Meaning: "How users sign in: in short.", CreateOnly: true, CreateOnlyWhy: whyTag},
		"user_pool.sign_in.username_attributes": {Title: "Sign in with", Meaning: "What users type.", CreateOnly: true, CreateOnlyWhy: whyTag,
			Recommended: "[]", RecommendedWhy: "usernames never change. And more."},
		"app_clients.name":            {Title: "Client name", Recommended: "web", RecommendedWhy: "one client per app."},
		"app_clients.generate_secret": {Title: "Secret", Recommended: "false", RecommendedWhy: "one client per app."},
	}
	c := &Config{Version: 1, ResourceName: "AppAuth", AppClients: []AppClient{{Name: "web"}, {Name: "mobile"}}}
	for _, tc := range []struct {
		mode Comments
		want string
	}{
		{CommentsFull, `version: 1

# Labels the pool so that apply finds it again; it is written as a tag on the
# user pool and read back by plan.
# ⚠️ the tag is how the pool is found.
resource_name: AppAuth  # 📝 https://docs.aws.amazon.com/x.html

user_pool:  # The directory. 📝 https://docs.aws.amazon.com/pool.html
  # The name.
  name: ""
  # ⚠️ like resource_name above
  sign_in:  # How users sign in.
    # What users type.
    # ⚠️ like resource_name above
    # ⭐ [] — usernames never change.
    username_attributes: []
  attributes:
    required: []

app_clients:
  # Client name
  # ⭐ web — one client per app.
  - name: web
    # Secret
    # ⭐ false, for the same reason
    generate_secret: false
  - name: mobile
    generate_secret: false
`},
		{CommentsBrief, `version: 1

resource_name: AppAuth  # Resource name ⚠️ 📝 https://docs.aws.amazon.com/x.html

user_pool:  # User pool 📝 https://docs.aws.amazon.com/pool.html
  name: ""  # Pool name
  sign_in:  # Sign-in ⚠️
    username_attributes: []  # Sign in with ⚠️
  attributes:
    required: []

app_clients:
  - name: web  # Client name
    generate_secret: false  # Secret
  - name: mobile
    generate_secret: false
`},
	} {
		e := &emitter{notes: notes, mode: tc.mode}
		e.structBody(reflect.ValueOf(c).Elem(), "", 0, false, true)
		if got := e.buf.String(); got != tc.want {
			t.Errorf("%s comments:\n%s\nwant:\n%s\n%s", tc.mode, got, tc.want, firstDiff(tc.want, got))
		}
	}
}

func TestMarshalErrors(t *testing.T) {
	t.Parallel()
	if _, err := Marshal(nil); err == nil {
		t.Error("Marshal(nil) should fail")
	}
	c := Recommended()
	c.UserPool.Name = "bad\xff"
	if _, err := Marshal(c); err == nil || !strings.Contains(err.Error(), "user_pool.name") {
		t.Errorf("invalid UTF-8: error %v, want one naming user_pool.name", err)
	}
}

func TestSave(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "cognito.yaml")
	if err := Save(path, Recommended()); err != nil {
		t.Fatal(err)
	}
	d := loadFile(t, path)
	if !reflect.DeepEqual(d.Config, Recommended()) {
		t.Errorf("Load(Save(Recommended())) = %#v", d.Config)
	}
	bad := Recommended()
	bad.ResourceName = "\xff"
	before, _ := os.ReadFile(path)
	if err := Save(path, bad); err == nil {
		t.Error("Save of an unwritable config should fail")
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a failed Save changed the file")
	}
}

func BenchmarkMarshal(b *testing.B) {
	c := loadFile(b, "testdata/full.yaml").Config
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Marshal(c); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzMarshalText: any valid UTF-8 text, wherever the model holds text,
// survives Marshal and Parse unchanged.
func FuzzMarshalText(f *testing.F) {
	for _, s := range []string{"OFF", "a: b", "multi\nline\n", "${env:X}", " x", "\u2028", "#", "- a", "1e3", "~"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Recommended()
		c.ResourceName = s
		c.UserPool.Verification.EmailMessage = s
		c.UserPool.AccountRecovery = []string{s}
		c.UserPool.Tags = map[string]string{s: s}
		c.IdentityProviders = []IdentityProvider{{Type: s, AttributeMapping: map[string]string{"k" + s: s}}}
		if !utf8.ValidString(s) {
			if _, err := Marshal(c); err == nil {
				t.Fatalf("Marshal accepted invalid UTF-8 %q", s)
			}
			return
		}
		assertRoundTrip(t, c)
	})
}
