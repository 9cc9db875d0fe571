package config

// Recommended returns the ⭐ configuration: every recommended answer, with
// placeholder names (AppAuth, app-00000000). It is the wizard's starting
// point; the files users get carry their project's own generated names.
//
// Each call builds a new value, so callers may change it freely. Lists the
// recommendation leaves empty are nil, the form Parse gives them.
func Recommended() *Config {
	return &Config{
		Version:      CurrentVersion,
		ResourceName: "AppAuth",
		Services:     ServicesUserPool,
		UserPool: UserPool{
			Name: "AppUserPool",
			SignIn: SignIn{
				UsernameAttributes: nil, // sign in with a username
				CaseSensitive:      Bool(false),
			},
			Attributes: Attributes{Required: []string{"email"}},
			PasswordPolicy: &PasswordPolicy{
				MinimumLength:                 Int(8),
				TemporaryPasswordValidityDays: Int(7),
			},
			MFA: &MFA{Mode: MFAOff},
			Verification: &Verification{
				AutoVerifiedAttributes: []string{"email"},
				EmailStyle:             EmailStyleCode,
				EmailSubject:           "YourApp Verification Code",
				EmailMessage:           "Your verification code is {####}",
			},
			AccountRecovery:    []string{"verified_email"},
			EmailSending:       &EmailSending{Account: "COGNITO_DEFAULT"},
			AdminCreateUser:    &AdminCreateUser{AdminOnly: false},
			FeaturePlan:        "ESSENTIALS",
			DeletionProtection: Bool(true),
		},
		AppClients: []AppClient{{
			Name:           "web",
			GenerateSecret: false,
			TokenValidity: &TokenValidity{
				Access:  Duration{Value: 1, Unit: "h"},
				ID:      Duration{Value: 1, Unit: "h"},
				Refresh: Duration{Value: 30, Unit: "d"},
			},
			AuthFlows: []string{"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"},
			OAuth: &OAuth{
				Flows:             []string{"code"},
				Scopes:            []string{"email", "openid", "profile", "aws.cognito.signin.user.admin"},
				CallbackURLs:      []string{"http://localhost:3000/login/"},
				LogoutURLs:        []string{"http://localhost:3000/logout/"},
				IdentityProviders: []string{"COGNITO"},
			},
		}},
		Domain:       &Domain{Prefix: "app-00000000"},
		AdminQueries: &AdminQueries{Enabled: false},
	}
}
