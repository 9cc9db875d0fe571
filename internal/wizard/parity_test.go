package wizard_test

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/prompt"
	"github.com/cogwiz/cogwiz/internal/questions"
	"github.com/cogwiz/cogwiz/internal/wizard"
)

// Where the ⭐ and Amplify's preselected answer differ, the question says
// what Amplify would have taken; where they agree, it says nothing more.
func TestAmplifyDefaultIsShownWhereTheStarDiffers(t *testing.T) {
	p := &enterPrompter{over: map[string]any{"mode": "manual", "services": "user_pool_and_identity_pool", "mfa_mode": "OPTIONAL"}}
	if _, err := wizard.Run(context.Background(), wizard.Options{Graph: graph(t), Prompter: p}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"services":         "User Sign-Up, Sign-In, connected with AWS IAM controls",
		"third_party_auth": "Yes",
		"groups_enabled":   "Yes",
		"admin_queries":    "Yes",
		"mfa_factors":      "SMS Text Message",
		"oauth_scopes":     "Phone, Email, OpenID, Profile, aws.cognito.signin.user.admin",
		"lambda_triggers":  "Yes",
		"mode":             "",
		"sign_in":          "",
		"oauth":            "",
		"mfa_mode":         "",
	}
	for id, w := range want {
		q, ok := p.shown[id]
		if !ok {
			t.Errorf("%s was not asked", id)
			continue
		}
		if q.AmplifyDefault != w {
			t.Errorf("%s shows Amplify's default %q, want %q", id, q.AmplifyDefault, w)
		}
	}
}

// amplifyPrompter answers what Amplify preselects: the default_ours of
// the question's row in questions/amplify.yaml, else Enter (and a name
// where Amplify requires one).
type amplifyPrompter struct {
	parity *questions.ParityTable
	g      *questions.Graph
	asked  []string
}

func (p *amplifyPrompter) Ask(_ context.Context, q prompt.Question) (any, error) {
	if q.Err != nil {
		return nil, errors.New(q.ID + ": " + q.Err.Error())
	}
	p.asked = append(p.asked, q.ID)
	gq, _ := p.g.Lookup(q.ID)
	if gq != nil {
		for _, r := range p.parity.Rows(q.ID) {
			if r.DefaultOurs != nil && r.Ours[0] == q.ID {
				v, err := prompt.Normalize(q.Kind, r.DefaultOurs)
				if err != nil {
					return nil, err
				}
				// Amplify accepts no provider here; cogwiz wants one.
				if l, ok := v.([]string); ok && len(l) == 0 && gq.Validate == "required" {
					v = []string{q.Options[0].Value}
				}
				return v, nil
			}
		}
	}
	if q.Kind == prompt.Loop && q.Required && len(q.Default.([]string)) == 0 {
		return []string{"Admins"}, nil
	}
	if d, _ := q.Default.(string); q.Kind == prompt.Input && q.Required && d == "" {
		return "app-id", nil
	}
	return q.Default, nil
}

// An Amplify user who answers Amplify's defaults in Manual configuration
// meets the group name, admin group and trigger questions, as in Amplify.
func TestAmplifyDefaultsReachTheSameQuestions(t *testing.T) {
	g := graph(t)
	par, err := questions.DefaultParity()
	if err != nil {
		t.Fatal(err)
	}
	p := &amplifyPrompter{parity: par, g: g}
	p2 := &enterPrompter{over: map[string]any{"mode": "manual"}}
	res, err := wizard.Run(context.Background(), wizard.Options{Graph: g, Prompter: &firstMode{mode: "manual", next: p}})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"services", "identity_pool_name", "third_party_auth", "identity_pool_providers", "group_names",
		"admin_queries_restrict", "admin_queries_group", "lambda_triggers", "trigger_list"} {
		if !slices.Contains(p.asked, id) {
			t.Errorf("answering Amplify's defaults does not reach %s; asked %v", id, p.asked)
		}
	}
	if res.Config.AdminQueries.Group != "Admins" || len(res.Config.UserPool.Groups) != 1 {
		t.Errorf("admin group %q, groups %+v", res.Config.AdminQueries.Group, res.Config.UserPool.Groups)
	}
	// Enter (the ⭐) does not: the difference Amplify's default line explains.
	if _, err := wizard.Run(context.Background(), wizard.Options{Graph: g, Prompter: p2}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"group_names", "admin_queries_restrict", "trigger_list"} {
		if slices.Contains(p2.asked, id) {
			t.Errorf("Enter on every question reached %s", id)
		}
	}
}

// firstMode answers the mode question, then hands over.
type firstMode struct {
	mode string
	next prompt.Prompter
}

func (f *firstMode) Ask(ctx context.Context, q prompt.Question) (any, error) {
	if q.ID == "mode" {
		return f.mode, nil
	}
	return f.next.Ask(ctx, q)
}

// Cognito changes the MFA mode of a live pool (SetUserPoolMfaConfig), so
// update asks it whatever the current mode, and warns where Cognito
// restricts: turning it ON makes every user without a second factor set
// one up before signing in.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
func TestUpdateMFAFollowsCognitosRules(t *testing.T) {
	for _, live := range []bool{true, false} {
		old := existing(t)
		old.UserPool.MFA = &config.MFA{Mode: config.MFAOn, Factors: []string{"totp"}, SMSMessage: "Your authentication code is {####}"}
		p := &enterPrompter{over: map[string]any{"update_flow": "manual", "mfa_mode": "OFF"}}
		res, err := wizard.Run(context.Background(), wizard.Options{Graph: graph(t), Prompter: p, Existing: old, PoolExists: live})
		if err != nil {
			t.Fatal(err)
		}
		q := p.shown["mfa_mode"]
		if got := optionValues(q.Options); !slices.Equal(got, []string{"OFF", "ON", "OPTIONAL"}) || q.Default != "ON" {
			t.Errorf("live %v: mfa_mode offers %v (default %v); Cognito allows every mode", live, got, q.Default)
		}
		note := q.Options[1].Note
		if strings.Contains(note, "⚠️") != live {
			t.Errorf("live %v: ON note %q", live, note)
		}
		if m := res.Config.UserPool.MFA; m.Mode != config.MFAOff || len(m.Factors) != 0 {
			t.Errorf("live %v: OFF left %+v", live, m)
		}
		for _, is := range wizardIssues(res.Config) {
			t.Errorf("live %v: validate: %s %s: %s", live, is.Severity, is.Path, is.Message)
		}
	}
}

// "No" to "specify the attributes this app can read and write" on update
// removes the restriction, as Amplify drops Read/WriteAttributes.
func TestNoToClientAttributesRemovesTheRestriction(t *testing.T) {
	old := existing(t)
	old.AppClients[0].ReadAttributes = []string{"email", "name"}
	old.AppClients[0].WriteAttributes = []string{"email"}
	p := &enterPrompter{over: map[string]any{"update_flow": "manual", "client_attributes": false}}
	res, err := wizard.Run(context.Background(), wizard.Options{Graph: graph(t), Prompter: p, Existing: old, PoolExists: true})
	if err != nil {
		t.Fatal(err)
	}
	if d, _ := p.shown["client_attributes"].Default.(bool); !d {
		t.Error("client_attributes should start at Yes for a file with a restriction")
	}
	if ac := res.Config.AppClients[0]; ac.ReadAttributes != nil || ac.WriteAttributes != nil {
		t.Errorf("restriction kept: read %v write %v", ac.ReadAttributes, ac.WriteAttributes)
	}
}

// Amplify's write-attribute list leaves out the required attributes
// (writeable anyway) and adds them to the answer.
func TestWriteAttributesLeaveOutRequiredOnes(t *testing.T) {
	p := &enterPrompter{over: map[string]any{"mode": "manual", "required_attributes": []string{"email", "name"},
		"client_attributes": true, "write_attributes": []string{"nickname"}}}
	res, err := wizard.Run(context.Background(), wizard.Options{Graph: graph(t), Prompter: p})
	if err != nil {
		t.Fatal(err)
	}
	offered := optionValues(p.shown["write_attributes"].Options)
	if slices.Contains(offered, "email") || slices.Contains(offered, "name") || !slices.Contains(offered, "nickname") {
		t.Errorf("write attributes offered %v", offered)
	}
	if got := res.Config.AppClients[0].WriteAttributes; !slices.Equal(got, []string{"nickname", "email", "name"}) {
		t.Errorf("write attributes = %v", got)
	}
}

func TestAliasSignIn(t *testing.T) {
	p := &enterPrompter{over: map[string]any{"mode": "manual", "sign_in": "username_aliases",
		"alias_attributes": []string{"email", "phone_number"}, "sms_role_arn": "arn:aws:iam::123456789012:role/sms", "sms_external_id": "x-1"}}
	res, err := wizard.Run(context.Background(), wizard.Options{Graph: graph(t), Prompter: p})
	if err != nil {
		t.Fatal(err)
	}
	si := res.Config.UserPool.SignIn
	if len(si.UsernameAttributes) != 0 || !slices.Equal(si.AliasAttributes, []string{"email", "phone_number"}) {
		t.Errorf("sign_in = %+v", si)
	}
	if got := res.Config.UserPool.Verification.AutoVerifiedAttributes; !slices.Equal(got, []string{"email", "phone_number"}) {
		t.Errorf("aliases must be verified to sign in: auto-verified %v", got)
	}
	for _, is := range wizardIssues(res.Config) {
		t.Errorf("validate: %s %s: %s", is.Severity, is.Path, is.Message)
	}
	// On update the alias choice is read back, and locked with the pool.
	up := &enterPrompter{over: map[string]any{"update_flow": "manual"}}
	res.Config.UserPool.ID = "us-east-1_abc"
	if _, err := wizard.Run(context.Background(), wizard.Options{Graph: graph(t), Prompter: up, Existing: res.Config, PoolExists: true}); err != nil {
		t.Fatal(err)
	}
	if q := up.shown["sign_in"]; q.Default != "username_aliases" || q.Locked == "" {
		t.Errorf("sign_in on update: default %v locked %q", q.Default, q.Locked)
	}
	if q := up.shown["alias_attributes"]; q.Locked == "" {
		t.Error("alias_attributes should be locked once the pool exists")
	}
}

// A trigger picked with its ARN left empty is kept under triggers.pending,
// and the next update offers it again, ready for its ARN.
func TestPendingTriggerIsOfferedAgain(t *testing.T) {
	old := existing(t)
	old.UserPool.Triggers = &config.Triggers{Pending: []string{"pre_authentication"}}
	p := prompt.NewScripted(t).
		Answer("update_flow", "manual")
	for _, id := range []string{"services", "frontend", "user_pool_name", "groups_enabled", "groups_delete", "group_names", "group_order",
		"admin_queries", "mfa_mode", "mfa_factors", "mfa_sms_message", "email_registration", "email_subject", "email_message",
		"account_recovery", "password_override", "deletion_protection", "feature_plan", "refresh_token_days",
		"access_token_validity", "id_token_validity", "client_attributes", "capabilities", "oauth", "domain_prefix",
		"callback_urls_edit", "callback_urls_add", "logout_urls_edit", "logout_urls_add", "oauth_flow", "oauth_scopes",
		"social_providers", "google_client_id", "google_client_secret_env", "lambda_triggers", "trigger_list",
		"trigger_pre_authentication", "beyond"} {
		p.Answer(id, prompt.Default)
	}
	p.Answer("pre_authentication_arn", "arn:aws:lambda:us-east-1:123456789012:function:pre-auth")
	res := run(t, p, old, true)
	if q, _ := p.Shown("trigger_list"); !slices.Equal(q.Default.([]string), []string{"pre_authentication"}) {
		t.Errorf("trigger_list starts at %v", q.Default)
	}
	if q, _ := p.Shown("trigger_pre_authentication"); !slices.Equal(q.Default.([]string), []string{"custom"}) {
		t.Errorf("trigger_pre_authentication starts at %v", q.Default)
	}
	if tr := res.Config.UserPool.Triggers; tr == nil || tr.PreAuthentication == "" || tr.Pending != nil {
		t.Errorf("triggers = %+v", tr)
	}
}

func TestNewNames(t *testing.T) {
	n, err := wizard.NewNames("/src/My Shop!", bytes.NewReader([]byte{0xde, 0xad, 0xbe, 0xef}))
	if err != nil {
		t.Fatal(err)
	}
	want := wizard.Names{ResourceName: "myshopauthdeadbeef", PoolName: "myshopuserpooldeadbeef",
		IdentityPoolName: "myshop_identitypool_deadbeef", DomainPrefix: "myshop-deadbeef"}
	if n != want {
		t.Errorf("names = %+v, want %+v", n, want)
	}
	other, _ := wizard.NewNames("/src/My Shop!", bytes.NewReader([]byte{1, 2, 3, 4}))
	if other.ResourceName == n.ResourceName || other.DomainPrefix == n.DomainPrefix {
		t.Error("another random suffix gives the same names")
	}
	if _, err := wizard.NewNames("x", iotest.ErrReader(errors.New("no entropy"))); err == nil {
		t.Error("a failing random source is not reported")
	}
	// Every directory name gives names Cognito accepts (its prefix rules:
	// lower case, no reserved word, at most 63 characters).
	for _, dir := range []string{"", ".", "/", "aws-cognito-amazon", "Cognito Demo", "my_app", "ÄÖÜ", "amaws-zonapp",
		strings.Repeat("verylongprojectname", 10), "123", "-lead-"} {
		n, err := wizard.NewNames(dir, bytes.NewReader([]byte{0, 0, 0, 9}))
		if err != nil {
			t.Fatal(err)
		}
		for rule, v := range map[string]string{"resource_name": n.ResourceName, "pool_name": n.PoolName,
			"identity_pool_name": n.IdentityPoolName, "domain_prefix": n.DomainPrefix} {
			if err := config.CheckValue(rule, v); err != nil {
				t.Errorf("directory %q: %s %q: %v", dir, rule, v, err)
			}
		}
	}
	if s := wizard.Stem("aws-cognito-amazon"); s != "app" {
		t.Errorf("Stem of only reserved words = %q", s)
	}
	if s := wizard.Stem("amaws-zonapp"); strings.Contains(s, "amazon") || strings.Contains(s, "aws") {
		t.Errorf("Stem kept a reserved word: %q", s)
	}
}
