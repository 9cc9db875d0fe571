package cognitofake

import (
	"strings"

	"github.com/cogwiz/cogwiz/internal/config"
)

// FullConfig is a configuration of everything cognito-local supports:
// pool settings, MFA, custom attributes, a trigger, tags, two clients and
// two groups. name is the resource name.
func FullConfig(name string) *config.Config {
	return &config.Config{
		Version:      1,
		ResourceName: name,
		UserPool: config.UserPool{
			Name:   name + "Pool",
			SignIn: config.SignIn{UsernameAttributes: []string{"email"}, CaseSensitive: config.Bool(false)},
			Attributes: config.Attributes{
				Required: []string{"email"},
				Custom: []config.CustomAttribute{
					{Name: "tier", Type: "String", Mutable: config.Bool(true), MinLength: config.Int(1), MaxLength: config.Int(32)},
					{Name: "age", Type: "Number", Mutable: config.Bool(false), MinValue: config.Int(0), MaxValue: config.Int(150)},
				},
			},
			PasswordPolicy: &config.PasswordPolicy{MinimumLength: config.Int(10), RequireNumbers: true, TemporaryPasswordValidityDays: config.Int(3)},
			MFA:            &config.MFA{Mode: config.MFAOptional, Factors: []string{config.FactorTOTP}},
			Verification: &config.Verification{
				AutoVerifiedAttributes: []string{"email"},
				EmailStyle:             config.EmailStyleCode,
				EmailSubject:           "Your code",
				EmailMessage:           "Your verification code is {####}",
			},
			AccountRecovery: []string{"verified_email"},
			AdminCreateUser: &config.AdminCreateUser{AdminOnly: false},
			Triggers:        &config.Triggers{PreSignUp: "arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up"},
			Groups: []config.Group{
				{Name: "Admins", Precedence: config.Int(1), Description: "administrators"},
				{Name: "Users", Precedence: config.Int(10)},
			},
			Tags: map[string]string{"team": "auth"},
		},
		AppClients: []config.AppClient{
			{
				Name:          "web",
				TokenValidity: &config.TokenValidity{Access: config.Duration{Value: 1, Unit: "h"}, ID: config.Duration{Value: 60, Unit: "m"}, Refresh: config.Duration{Value: 30, Unit: "d"}},
				AuthFlows:     []string{"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"},
				OAuth: &config.OAuth{
					Flows:             []string{"code"},
					Scopes:            []string{"email", "openid", "profile"},
					CallbackURLs:      []string{"http://localhost:3000/login/"},
					LogoutURLs:        []string{"http://localhost:3000/logout/"},
					IdentityProviders: []string{"COGNITO"},
				},
				PreventUserExistenceErrors: config.Bool(true),
			},
			{Name: "server", GenerateSecret: true, AuthFlows: []string{"ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}},
		},
	}
}

// EverythingConfig adds what only the Fake (and AWS) have: a domain, a
// Google identity provider whose secret is ${env:GOOGLE_CLIENT_SECRET}, a
// resource server, and a client using both.
func EverythingConfig(name string) *config.Config {
	c := FullConfig(name)
	c.Domain = &config.Domain{Prefix: "everything-" + strings.ToLower(name)}
	c.IdentityProviders = []config.IdentityProvider{{
		Type: config.IdPGoogle, ClientID: "google-client-id", ClientSecret: config.SecretRef("GOOGLE_CLIENT_SECRET"),
		Scopes: []string{"openid", "email", "profile"}, AttributeMapping: map[string]string{"email": "email"},
	}}
	c.ResourceServers = []config.ResourceServer{{Identifier: "https://api.example.com", Name: "api", Scopes: []config.Scope{{Name: "read", Description: "read things"}}}}
	c.AppClients[0].OAuth.IdentityProviders = []string{"COGNITO", "Google"}
	c.AppClients[0].OAuth.Scopes = append(c.AppClients[0].OAuth.Scopes, "https://api.example.com/read")
	return c
}
