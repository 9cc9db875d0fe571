package config

import (
	"reflect"
	"testing"
)

func TestRecommendedCopiesAreIndependent(t *testing.T) {
	t.Parallel()
	a := Recommended()
	a.UserPool.Attributes.Required[0] = "phone_number"
	*a.UserPool.SignIn.CaseSensitive = true
	*a.UserPool.PasswordPolicy.MinimumLength = 20
	a.UserPool.MFA.Mode = MFAOn
	a.AppClients[0].OAuth.CallbackURLs[0] = "https://changed.example.com/"
	a.AppClients[0].TokenValidity.Access = Duration{Value: 5, Unit: "m"}
	a.Domain.Prefix = "changed"
	b := Recommended()
	if reflect.DeepEqual(a, b) {
		t.Fatal("changes to one copy show in the next")
	}
	checks := []struct {
		what string
		ok   bool
	}{
		{"required", b.UserPool.Attributes.Required[0] == "email"},
		{"case_sensitive", !*b.UserPool.SignIn.CaseSensitive},
		{"minimum_length", *b.UserPool.PasswordPolicy.MinimumLength == 8},
		{"mfa.mode", b.UserPool.MFA.Mode == MFAOff},
		{"callback_urls", b.AppClients[0].OAuth.CallbackURLs[0] == "http://localhost:3000/login/"},
		{"token_validity.access", b.AppClients[0].TokenValidity.Access.String() == "1h"},
		{"domain.prefix", b.Domain.Prefix == "app-00000000"},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s changed in a fresh copy", c.what)
		}
	}
}

func TestRecommendedIsValid(t *testing.T) {
	t.Parallel()
	for _, is := range Validate(Recommended()) {
		if is.Severity == SeverityError {
			t.Errorf("Recommended() fails validation: %s: %s (%s)", is.Path, is.Message, is.Hint)
		}
	}
}

func TestRecommendedValues(t *testing.T) {
	t.Parallel()
	c := Recommended()
	up := c.UserPool
	checks := []struct {
		what string
		ok   bool
	}{
		{"version", c.Version == CurrentVersion},
		{"names", c.ResourceName == "AppAuth" && up.Name == "AppUserPool" && c.Services == ServicesUserPool},
		{"username sign-in", up.SignIn.UsernameAttributes == nil && up.SignIn.AliasAttributes == nil},
		{"case-insensitive", up.SignIn.CaseSensitive != nil && !*up.SignIn.CaseSensitive},
		{"email required", reflect.DeepEqual(up.Attributes.Required, []string{"email"})},
		{"password policy", *up.PasswordPolicy.MinimumLength == 8 && *up.PasswordPolicy.TemporaryPasswordValidityDays == 7 &&
			!up.PasswordPolicy.RequireLowercase && !up.PasswordPolicy.RequireUppercase && !up.PasswordPolicy.RequireNumbers && !up.PasswordPolicy.RequireSymbols},
		{"mfa off", up.MFA.Mode == MFAOff && len(up.MFA.Factors) == 0},
		{"email verification", reflect.DeepEqual(up.Verification.AutoVerifiedAttributes, []string{"email"}) && up.Verification.EmailStyle == EmailStyleCode},
		{"recovery", reflect.DeepEqual(up.AccountRecovery, []string{"verified_email"})},
		{"deletion protection", *up.DeletionProtection},
		{"one public web client", len(c.AppClients) == 1 && c.AppClients[0].Name == "web" && !c.AppClients[0].GenerateSecret},
		{"code flow", reflect.DeepEqual(c.AppClients[0].OAuth.Flows, []string{"code"})},
		{"no identity pool or admin queries", c.IdentityPool == nil && !c.AdminQueries.Enabled},
	}
	for _, ch := range checks {
		if !ch.ok {
			t.Errorf("%s: not the recommended value", ch.what)
		}
	}
}
