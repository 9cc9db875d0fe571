package config

import (
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

// modelPaths lists every key path of the model, in file order.
func modelPaths() []string {
	var paths []string
	WalkModel(func(f ModelField) { paths = append(paths, f.Path) })
	return paths
}

func TestRegistryCoversModel(t *testing.T) {
	paths := modelPaths()
	if len(paths) < 100 {
		t.Fatalf("the model walk found only %d paths; the walker is broken", len(paths))
	}
	rows := map[string]int{}
	for _, s := range Settings() {
		rows[s.Key]++
	}
	for _, p := range paths {
		switch n := rows[p]; {
		case n == 0:
			t.Errorf("%s: no registry row; add one to registry_data.go", p)
		case n > 1:
			t.Errorf("%s: %d registry rows, want exactly one", p, n)
		}
	}
	for _, s := range Settings() {
		if !slices.Contains(paths, s.Key) {
			t.Errorf("registry row %q names no key of the model", s.Key)
		}
	}
	// Same order as the file, so that generated docs read top to bottom.
	var keys []string
	for _, s := range Settings() {
		keys = append(keys, s.Key)
	}
	if !slices.Equal(keys, paths) {
		t.Errorf("registry rows are not in model order")
	}
}

func TestRegistryRowsComplete(t *testing.T) {
	for _, s := range Settings() {
		if s.Title == "" || s.Meaning == "" {
			t.Errorf("%s: title and meaning are required", s.Key)
		}
		if len(s.Title) > 45 {
			t.Errorf("%s: title %q is longer than 45 characters", s.Key, s.Title)
		}
		if s.CreateOnly != (s.CreateOnlyWhy != "") {
			t.Errorf("%s: create_only and create_only_why must come together", s.Key)
		}
		if (s.Recommended != "") != (s.RecommendedWhy != "") {
			t.Errorf("%s: recommended and recommended_why must come together", s.Key)
		}
		if s.APIField == "" {
			t.Errorf("%s: api_field is empty (write %q for cogwiz's own keys)", s.Key, NoAPIField)
		}
		if !strings.HasPrefix(s.DocURL, "https://") {
			t.Errorf("%s: doc_url %q is not an https URL", s.Key, s.DocURL)
		}
		for _, field := range []string{s.Meaning, s.RecommendedWhy, s.CreateOnlyWhy} {
			if strings.Contains(field, "  ") {
				t.Errorf("%s: double space in %q", s.Key, field)
			}
		}
	}
}

// TestRegistryValuesMatchSDK checks the closed value sets against the
// enums of the Cognito SDK, so that a spelling drift is caught here and
// not by a failing apply.
func TestRegistryValuesMatchSDK(t *testing.T) {
	sdk := map[string][]string{
		"user_pool.sign_in.username_attributes":           names(types.UsernameAttributeType("").Values()),
		"user_pool.sign_in.alias_attributes":              names(types.AliasAttributeType("").Values()),
		"user_pool.attributes.custom[].type":              names(types.AttributeDataType("").Values()),
		"user_pool.mfa.mode":                              names(types.UserPoolMfaType("").Values()),
		"user_pool.verification.auto_verified_attributes": names(types.VerifiedAttributeType("").Values()),
		"user_pool.account_recovery":                      names(types.RecoveryOptionNameType("").Values()),
		"user_pool.email_sending.account":                 names(types.EmailSendingAccountType("").Values()),
		"user_pool.feature_plan":                          names(types.UserPoolTierType("").Values()),
		"user_pool.triggers.pre_token_generation_version": names(types.PreTokenGenerationLambdaVersionType("").Values()),
		"app_clients[].auth_flows":                        names(types.ExplicitAuthFlowsType("").Values()),
		"app_clients[].oauth.flows":                       names(types.OAuthFlowType("").Values()),
		"identity_providers[].type":                       names(types.IdentityProviderTypeType("").Values()),
	}
	for key, allowed := range sdk {
		s, ok := Lookup(key)
		if !ok {
			t.Fatalf("%s: no row", key)
		}
		if len(s.Values) == 0 {
			t.Errorf("%s: no values listed", key)
		}
		for _, v := range s.Values {
			if !slices.Contains(allowed, v) {
				t.Errorf("%s: value %q is not one of the SDK's %v", key, v, allowed)
			}
		}
	}
	// Values spelled our way map one-to-one onto the SDK's.
	styles := map[string]types.DefaultEmailOptionType{EmailStyleCode: types.DefaultEmailOptionTypeConfirmWithCode, EmailStyleLink: types.DefaultEmailOptionTypeConfirmWithLink}
	s, _ := Lookup("user_pool.verification.email_style")
	if len(s.Values) != len(types.DefaultEmailOptionType("").Values()) {
		t.Errorf("email_style lists %v, the SDK has %v", s.Values, types.DefaultEmailOptionType("").Values())
	}
	for _, v := range s.Values {
		if _, ok := styles[v]; !ok {
			t.Errorf("email_style value %q has no SDK counterpart", v)
		}
	}
	// The legacy auth flow names cannot be mixed with ALLOW_*; offer only the latter.
	flows, _ := Lookup("app_clients[].auth_flows")
	for _, v := range flows.Values {
		if !strings.HasPrefix(v, "ALLOW_") {
			t.Errorf("auth_flows offers legacy value %q", v)
		}
	}
}

func names[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

func TestRegistryContract(t *testing.T) {
	s, ok := Lookup("user_pool.sign_in.username_attributes")
	if !ok {
		t.Fatal("username_attributes has no row")
	}
	if !s.CreateOnly || !strings.Contains(s.CreateOnlyWhy, "no API") {
		t.Errorf("username_attributes must be create-only with the reason, got %+v", s)
	}
	if !strings.Contains(s.APIField, "UsernameAttributes") {
		t.Errorf("api field = %q", s.APIField)
	}
	cs, _ := Lookup("user_pool.sign_in.case_sensitive")
	if !strings.Contains(cs.Default, "true") || cs.Recommended != "false" {
		t.Errorf("case_sensitive: default %q recommended %q", cs.Default, cs.Recommended)
	}
	for _, key := range []string{
		"user_pool.sign_in.alias_attributes", "user_pool.attributes.required",
		"user_pool.attributes.custom[].type", "app_clients[].generate_secret", "domain.prefix",
		"identity_providers[].type", "identity_providers[].name", "user_pool.groups[].name",
	} {
		if s, _ := Lookup(key); !s.CreateOnly {
			t.Errorf("%s must be create-only", key)
		}
	}
	if s, _ := Lookup("app_clients[0].oauth.flows"); s.Recommended != "[code]" || !strings.Contains(s.RecommendedWhy, "RFC 9700") {
		t.Errorf("oauth flows recommendation = %q (%q)", s.Recommended, s.RecommendedWhy)
	}
	if s, _ := Lookup("user_pool.feature_plan"); s.Recommended != "ESSENTIALS" {
		t.Errorf("feature plan recommendation = %q", s.Recommended)
	}
}

func TestLookupForms(t *testing.T) {
	for _, key := range []string{"app_clients.oauth.flows", "app_clients[].oauth.flows", "app_clients[3].oauth.flows"} {
		s, ok := Lookup(key)
		if !ok || s.Key != "app_clients[].oauth.flows" {
			t.Errorf("Lookup(%q) = %q, %v", key, s.Key, ok)
		}
	}
	if _, ok := Lookup("user_pool.nope"); ok {
		t.Error("Lookup found a key that does not exist")
	}
}
