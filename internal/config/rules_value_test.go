package config

import (
	"strings"
	"testing"
)

func TestCheckValue(t *testing.T) {
	cases := []struct {
		rule  string
		good  []string
		bad   []string
		msgOf string // a substring of the first bad value's error
	}{
		{"required", []string{"x"}, []string{"", "   "}, "cannot be empty"},
		{"resource_name", []string{"AppAuth", "a1", strings.Repeat("a", 128)}, []string{"my-app", "", strings.Repeat("a", 129), "my app"}, "only letters and digits"},
		{"pool_name", []string{"App User Pool", "a+b=c,d.e@f_g-h"}, []string{"a/b", ""}, "only letters, digits"},
		{"identity_pool_name", []string{"my_identity_pool"}, []string{"my-pool", ""}, "letters, digits and underscores"},
		{"group_name", []string{"Admins", "Ädmins", "team-1"}, []string{"Site Admins", "", strings.Repeat("g", 129)}, "no spaces"},
		{"domain_prefix", []string{"myapp-auth", "a", strings.Repeat("a", 63)}, []string{"MyApp", "-app", "app-", "my_app", "myawsapp", "amazonapp", "cognito1", strings.Repeat("a", 64), ""}, "lowercase"},
		{"redirect_url", []string{"https://example.com", "https://example.com/cb?x=1", "http://localhost:3000/", "http://127.0.0.1/cb", "http://[::1]:8080/", "myapp://", "myapp://callback", "exp://127.0.0.1:19000/--/"},
			[]string{"http://example.com/", "https://example.com/#x", "example.com/cb", "https:///path", "https://ex.com/a b", ""}, "must be https unless it is localhost, 127.0.0.1 or [::1]"},
		{"https_url", []string{"https://login.example.com"}, []string{"http://login.example.com", "login.example.com"}, "https://"},
		{"password_min_length", []string{"6", "8", "99"}, []string{"5", "100", "eight", ""}, "from 6 to 99"},
		{"refresh_token_days", []string{"1", "30", "3650"}, []string{"0", "3651", "x"}, "from 1 to 3650"},
		{"token_validity_minutes", []string{"5", "60", "1440"}, []string{"4", "1441"}, "from 5 to 1440"},
		{"verification_message", []string{"Your code is {####}", strings.Repeat("x", 19994) + "{####}"}, []string{"Your code", "{###}", strings.Repeat("x", 19995) + "{####}"}, "must contain {####}"},
		{"sms_message", []string{"Code {####}"}, []string{"Code ####", "{####}" + strings.Repeat("x", 135)}, "must contain {####}"},
		{"email_subject", []string{"S", strings.Repeat("s", 140)}, []string{"", strings.Repeat("s", 141)}, "cannot be empty"},
		{"link_message", []string{"Click {##Verify##}", "{##Verify\nnow##} please"}, []string{"Click here", "{#Verify#}"}, "{##link text##}"},
		{"invite_email_message", []string{"User {username} password {####}"}, []string{"Password {####}", "User {username}"}, "must contain {username}"},
		{"invite_sms_message", []string{"{username} {####}"}, []string{"no placeholders"}, "{username} and {####}"},
		{"lambda_arn", []string{"arn:aws:lambda:us-east-1:123456789012:function:fn", "arn:aws-cn:lambda:cn-north-1:123456789012:function:fn:prod", "arn:aws:lambda:eu-west-1:123456789012:function:my_fn-2:$LATEST"},
			[]string{"my-function", "arn:aws:lambda:us-east-1:123:function:fn", "arn:aws:lambda:us-east-1:123456789012:layer:fn", "arn:aws:lambda:us-east-1:123456789012:function:fn:a:b"}, "Lambda function ARN"},
		{"iam_role_arn", []string{"arn:aws:iam::123456789012:role/cognito-sms", "arn:aws:iam::123456789012:role/service-role/x"}, []string{"arn:aws:iam::123456789012:user/bob", "cognito-sms"}, "IAM role ARN"},
		{"ses_identity_arn", []string{"arn:aws:ses:us-east-1:123456789012:identity/example.com"}, []string{"no-reply@example.com"}, "SES identity ARN"},
		{"kms_key_arn", []string{"arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"}, []string{"arn:aws:kms:us-east-1:123456789012:alias/my-key"}, "KMS key ARN"},
		{"acm_certificate_arn", []string{"arn:aws:acm:us-east-1:123456789012:certificate/abc-123"}, []string{"arn:aws:acm:eu-west-1:123456789012:certificate/abc-123", "cert"}, "us-east-1"},
		{"secret_ref", []string{"${env:GOOGLE_CLIENT_SECRET}", "${env:_x1}"}, []string{"hunter2", "${env:}", "${env:1X}", "${GOOGLE}", "$GOOGLE", "${env:A B}"}, "${env:NAME}"},
		{"env_name", []string{"GOOGLE_CLIENT_SECRET", "_X", "a1"}, []string{"1A", "A-B", ""}, "letters, digits and underscores"},
		{"custom_attribute_name", []string{"tier", strings.Repeat("x", 20), "plan.v2"}, []string{"custom:tier", strings.Repeat("x", 21), "my tier", "email", "sub", ""}, "must not start with custom:"},
		{"email_domains", []string{"example.com", "example.com, example.org", "a.b.c.example.co.uk"}, []string{"", "example", "example.com, not a domain", "-x.com"}, "cannot be empty"},
		{"provider_name", []string{"Corp", "MyOIDC", strings.Repeat("p", 32)}, []string{"ab", "_Corp", "Corp ", strings.Repeat("p", 33)}, "at least 3"},
		{"resource_server_id", []string{"https://api.example.com", "api"}, []string{"my api", `a"b`, ""}, "printable"},
		{"scope_name", []string{"read", "orders.write"}, []string{"read/all", "a b", ""}, "must not contain /"},
		{"facebook_api_version", []string{"v17.0", "v2.12"}, []string{"17.0", "v17"}, "v17.0"},
		{"custom_domain", []string{"auth.example.com"}, []string{"https://auth.example.com", "localhost", "auth..example.com"}, "not a URL"},
		{"idp_identifier", []string{"example.com", "corp"}, []string{strings.Repeat("i", 41), "a/b"}, "at most 40"},
		{"client_name", []string{"web client"}, []string{"web/client"}, "only letters"},
		{"user_pool_id", []string{"eu-west-1_AbCdEf123", "us-east-1_x"}, []string{"AbCdEf123", "eu-west-1_Ab-Cd"}, "<region>_<id>"},
		{"app_client_id", []string{"1example23456789abcdefghij"}, []string{"abc-def", ""}, "letters, digits"},
	}
	covered := map[string]bool{}
	for _, tc := range cases {
		covered[tc.rule] = true
		t.Run(tc.rule, func(t *testing.T) {
			t.Parallel()
			for _, g := range tc.good {
				if err := CheckValue(tc.rule, g); err != nil {
					t.Errorf("CheckValue(%q, %.40q) = %v, want nil", tc.rule, g, err)
				}
			}
			for i, b := range tc.bad {
				err := CheckValue(tc.rule, b)
				if err == nil {
					t.Errorf("CheckValue(%q, %.40q) = nil, want an error", tc.rule, b)
					continue
				}
				msg := err.Error()
				if i == 0 && !strings.Contains(msg, tc.msgOf) {
					t.Errorf("CheckValue(%q, %q) = %q, want it to mention %q", tc.rule, b, msg, tc.msgOf)
				}
				if msg != strings.ToLower(msg[:1])+msg[1:] && !strings.HasPrefix(msg, `"`) {
					t.Errorf("message %q should start lowercase", msg)
				}
			}
			if RuleHint(tc.rule) == "" {
				t.Errorf("rule %s has no hint", tc.rule)
			}
		})
	}
	for _, name := range RuleNames() {
		if !covered[name] {
			t.Errorf("rule %s has no test row", name)
		}
	}
}

func TestRedirectURLHintUpgradesScheme(t *testing.T) {
	for in, want := range map[string]string{
		"http://app.example.com/cb?x=1": "write https://app.example.com/cb?x=1",
		"HTTP://app.example.com/":       "write https://app.example.com/",
	} {
		err := CheckValue("redirect_url", in)
		ve, ok := err.(*valueError)
		if !ok || ve.hint != want {
			t.Errorf("CheckValue(redirect_url, %q) = %#v, want hint %q", in, err, want)
		}
	}
}

func TestCheckValueUnknownRule(t *testing.T) {
	if err := CheckValue("no_such_rule", "x"); err == nil || !strings.Contains(err.Error(), "unknown rule") {
		t.Fatalf("CheckValue(no_such_rule) = %v, want unknown rule error", err)
	}
}

func TestRuleNamesSortedAndComplete(t *testing.T) {
	names := RuleNames()
	want := []string{"resource_name", "pool_name", "identity_pool_name", "group_name", "domain_prefix", "redirect_url",
		"password_min_length", "refresh_token_days", "verification_message", "sms_message", "email_subject", "lambda_arn",
		"secret_ref", "env_name", "custom_attribute_name", "required", "email_domains"}
	for _, w := range want {
		found := false
		for _, n := range names {
			found = found || n == w
		}
		if !found {
			t.Errorf("RuleNames() lacks %s", w)
		}
	}
	for i := 1; i < len(names); i++ {
		if names[i-1] >= names[i] {
			t.Fatalf("RuleNames() not sorted at %d: %s, %s", i, names[i-1], names[i])
		}
	}
}

// The same rule produces the wizard's answer error and the file's issue.
func TestValidateUsesCheckValue(t *testing.T) {
	c := validBase()
	c.Domain.Prefix = "my-aws-login"
	werr := CheckValue("domain_prefix", c.Domain.Prefix)
	if werr == nil {
		t.Fatal("CheckValue accepted a reserved word")
	}
	for _, is := range Validate(c) {
		if is.Path == "domain.prefix" {
			if !strings.Contains(is.Message, werr.Error()) {
				t.Fatalf("Validate message %q does not carry CheckValue's %q", is.Message, werr)
			}
			return
		}
	}
	t.Fatal("Validate did not report domain.prefix")
}
