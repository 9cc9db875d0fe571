package outputs

import (
	"strings"

	"github.com/cogwiz/cogwiz/internal/config"
)

// AmplifyVersion is the schema version of the amplify_outputs.json cogwiz
// writes: the newest 1.x that @aws-amplify/client-config publishes types
// for (lib/client-config-schema/client_config_v1.5.d.ts in 1.11.1), which
// aws-amplify v6 reads (it takes any 1.x).
const AmplifyVersion = "1.5"

// amplifyFile is amplify_outputs.json: the auth section only, in the
// order of the published type.
type amplifyFile struct {
	Version string      `json:"version"`
	Auth    amplifyAuth `json:"auth"`
}

type amplifyAuth struct {
	AWSRegion                  string                         `json:"aws_region"`
	UserPoolID                 string                         `json:"user_pool_id"`
	UserPoolClientID           string                         `json:"user_pool_client_id"`
	IdentityPoolID             string                         `json:"identity_pool_id,omitempty"`
	PasswordPolicy             amplifyPasswordPolicy          `json:"password_policy"`
	OAuth                      *amplifyOAuth                  `json:"oauth,omitempty"`
	StandardRequiredAttributes []string                       `json:"standard_required_attributes"`
	UsernameAttributes         []string                       `json:"username_attributes"`
	UserVerificationTypes      []string                       `json:"user_verification_types"`
	UnauthenticatedIdentities  *bool                          `json:"unauthenticated_identities_enabled,omitempty"`
	MFAConfiguration           string                         `json:"mfa_configuration"`
	MFAMethods                 []string                       `json:"mfa_methods"`
	Groups                     []map[string]amplifyGroupValue `json:"groups"`
}

type amplifyPasswordPolicy struct {
	MinLength        int  `json:"min_length"`
	RequireNumbers   bool `json:"require_numbers"`
	RequireLowercase bool `json:"require_lowercase"`
	RequireUppercase bool `json:"require_uppercase"`
	RequireSymbols   bool `json:"require_symbols"`
}

type amplifyOAuth struct {
	IdentityProviders  []string `json:"identity_providers"`
	Domain             string   `json:"domain"`
	Scopes             []string `json:"scopes"`
	RedirectSignInURI  []string `json:"redirect_sign_in_uri"`
	RedirectSignOutURI []string `json:"redirect_sign_out_uri"`
	ResponseType       string   `json:"response_type"`
}

type amplifyGroupValue struct {
	Precedence *int `json:"precedence,omitempty"`
}

// amplifyMFA maps Cognito's MfaConfiguration to the file's words.
var amplifyMFA = map[string]string{config.MFAOff: "NONE", config.MFAOptional: "OPTIONAL", config.MFAOn: "REQUIRED"}

func amplifyOutputs(fe *frontEndConfig) ([]byte, error) {
	a := amplifyAuth{
		AWSRegion:        fe.Region,
		UserPoolID:       fe.UserPoolID,
		UserPoolClientID: fe.ClientID,
		IdentityPoolID:   fe.IdentityPoolID,
		PasswordPolicy: amplifyPasswordPolicy{MinLength: fe.Password.MinLength, RequireNumbers: fe.Password.RequireNumbers,
			RequireLowercase: fe.Password.RequireLowercase, RequireUppercase: fe.Password.RequireUppercase, RequireSymbols: fe.Password.RequireSymbols},
		StandardRequiredAttributes: fe.RequiredAttributes,
		// Without sign-in attributes users sign in with a username, which
		// the file says as "username".
		UsernameAttributes:    fe.UsernameAttributes,
		UserVerificationTypes: fe.VerifiedAttributes,
		MFAConfiguration:      amplifyMFA[fe.MFA],
		MFAMethods:            fe.MFAMethods,
		Groups:                []map[string]amplifyGroupValue{},
	}
	if len(a.UsernameAttributes) == 0 {
		a.UsernameAttributes = []string{"username"}
	}
	if a.MFAConfiguration == "" {
		a.MFAConfiguration = strings.ToUpper(fe.MFA)
	}
	if fe.IdentityPoolID != "" {
		a.UnauthenticatedIdentities = &fe.GuestAccess
	}
	for _, g := range fe.Groups {
		a.Groups = append(a.Groups, map[string]amplifyGroupValue{g.Name: {Precedence: g.Precedence}})
	}
	if o := fe.OAuth; o != nil {
		a.OAuth = &amplifyOAuth{IdentityProviders: []string{}, Domain: o.Domain, Scopes: o.Scopes,
			RedirectSignInURI: o.SignIn, RedirectSignOutURI: o.SignOut, ResponseType: o.ResponseType}
		for _, p := range o.Providers {
			a.OAuth.IdentityProviders = append(a.OAuth.IdentityProviders, socialProviders[p][0])
		}
	}
	return marshal(amplifyFile{Version: AmplifyVersion, Auth: a}, "  ")
}
