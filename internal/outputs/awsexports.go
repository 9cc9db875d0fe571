package outputs

import (
	"bytes"
	"strings"
)

// awsExportsFile is aws-exports.js as the Amplify CLI writes it for the
// auth category (amplify-frontend-javascript's getCognitoConfig, with the
// frontendAuthConfig of amplify-category-auth), in the same key order, so
// an aws-amplify v5 app (and v6, which still reads it) works unchanged.
type awsExportsFile struct {
	ProjectRegion  string         `json:"aws_project_region"`
	IdentityPoolID string         `json:"aws_cognito_identity_pool_id,omitempty"`
	CognitoRegion  string         `json:"aws_cognito_region"`
	UserPoolsID    string         `json:"aws_user_pools_id"`
	WebClientID    string         `json:"aws_user_pools_web_client_id"`
	OAuth          awsExportsAuth `json:"oauth"`
	// FederationTarget is what the CLI writes for a hosted UI (and for
	// social providers trusted by the identity pool).
	FederationTarget   string                     `json:"federationTarget,omitempty"`
	UsernameAttributes []string                   `json:"aws_cognito_username_attributes"`
	SocialProviders    []string                   `json:"aws_cognito_social_providers"`
	SignupAttributes   []string                   `json:"aws_cognito_signup_attributes"`
	MFAConfiguration   string                     `json:"aws_cognito_mfa_configuration"`
	MFATypes           []string                   `json:"aws_cognito_mfa_types"`
	PasswordSettings   awsExportsPasswordSettings `json:"aws_cognito_password_protection_settings"`
	Verification       []string                   `json:"aws_cognito_verification_mechanisms"`
	// MandatorySignIn "enable" says that there are no guest credentials
	// (aws-amplify v5's Auth.mandatorySignIn; v6 reads it as
	// allowGuestAccess: false). The CLI leaves it to the user; cogwiz
	// knows it from the identity pool.
	MandatorySignIn string `json:"aws_mandatory_sign_in,omitempty"`
}

// awsExportsAuth is the hosted UI; {} without one, as the CLI writes it.
type awsExportsAuth struct {
	Domain          string   `json:"domain,omitempty"`
	Scope           []string `json:"scope,omitempty"`
	RedirectSignIn  string   `json:"redirectSignIn,omitempty"`
	RedirectSignOut string   `json:"redirectSignOut,omitempty"`
	ResponseType    string   `json:"responseType,omitempty"`
}

type awsExportsPasswordSettings struct {
	MinLength  int      `json:"passwordPolicyMinLength"`
	Characters []string `json:"passwordPolicyCharacters"`
}

func awsExports(fe *frontEndConfig) ([]byte, error) {
	upper := func(s []string) []string {
		out := make([]string, len(s))
		for i, v := range s {
			out[i] = strings.ToUpper(v)
		}
		return out
	}
	f := awsExportsFile{
		ProjectRegion:      fe.Region,
		IdentityPoolID:     fe.IdentityPoolID,
		CognitoRegion:      fe.Region,
		UserPoolsID:        fe.UserPoolID,
		WebClientID:        fe.ClientID,
		UsernameAttributes: upper(fe.UsernameAttributes),
		SocialProviders:    []string{},
		SignupAttributes:   upper(fe.RequiredAttributes),
		MFAConfiguration:   fe.MFA,
		MFATypes:           fe.MFAMethods,
		PasswordSettings:   awsExportsPasswordSettings{MinLength: fe.Password.MinLength, Characters: []string{}},
		Verification:       upper(fe.VerifiedAttributes),
	}
	for _, c := range []struct {
		on   bool
		name string
	}{{fe.Password.RequireLowercase, "REQUIRES_LOWERCASE"}, {fe.Password.RequireUppercase, "REQUIRES_UPPERCASE"},
		{fe.Password.RequireNumbers, "REQUIRES_NUMBERS"}, {fe.Password.RequireSymbols, "REQUIRES_SYMBOLS"}} {
		if c.on {
			f.PasswordSettings.Characters = append(f.PasswordSettings.Characters, c.name)
		}
	}
	if o := fe.OAuth; o != nil {
		// The CLI joins the URLs with commas; the library splits them again.
		f.OAuth = awsExportsAuth{Domain: o.Domain, Scope: o.Scopes, RedirectSignIn: strings.Join(o.SignIn, ","),
			RedirectSignOut: strings.Join(o.SignOut, ","), ResponseType: o.ResponseType}
		for _, p := range o.Providers {
			f.SocialProviders = append(f.SocialProviders, socialProviders[p][1])
		}
	}
	switch {
	case fe.OAuth != nil && fe.FederatedIdentityPool:
		f.FederationTarget = "COGNITO_USER_AND_IDENTITY_POOLS"
	case fe.OAuth != nil:
		f.FederationTarget = "COGNITO_USER_POOLS"
	case fe.FederatedIdentityPool:
		f.FederationTarget = "COGNITO_IDENTITY_POOLS"
	}
	if !fe.GuestAccess {
		f.MandatorySignIn = "enable"
	}
	body, err := marshal(f, "    ")
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("/* eslint-disable */\n")
	b.WriteString("// Written by cogwiz from what Cognito holds; `cogwiz outputs aws-exports.js` writes it again.\n")
	b.WriteString("// Do not edit: your changes would be lost. It holds no secret.\n\n")
	b.WriteString("const awsmobile = ")
	b.Write(bytes.TrimRight(body, "\n"))
	b.WriteString(";\n\nexport default awsmobile;\n")
	return b.Bytes(), nil
}
