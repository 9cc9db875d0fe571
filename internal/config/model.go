// Package config holds the typed model of cognito.yaml, the settings
// registry that explains every key, the validation rules, and the only YAML
// code in cogwiz (strict load with positions, save with comments).
//
// Pointers mark settings whose "unset" must stay distinguishable from Go's
// zero value because Cognito's default differs (for example case_sensitive,
// whose API default is true, or minimum_length, whose default is 8).
package config

// CurrentVersion is the only config file version this build understands.
const CurrentVersion = 1

// DefaultFile is the config file name used when -f is not given.
const DefaultFile = "cognito.yaml"

// Config is the whole of cognito.yaml.
type Config struct {
	Version      int    `yaml:"version" json:"version"`
	ResourceName string `yaml:"resource_name" json:"resource_name"`
	// Mode is the wizard's starting point (Amplify's useDefault): the
	// update menu offers the other ones.
	Mode              string             `yaml:"mode,omitempty" json:"mode,omitempty"`
	Services          string             `yaml:"services,omitempty" json:"services,omitempty"`
	UserPool          UserPool           `yaml:"user_pool" json:"user_pool"`
	AppClients        []AppClient        `yaml:"app_clients,omitempty" json:"app_clients,omitempty"`
	Domain            *Domain            `yaml:"domain,omitempty" json:"domain,omitempty"`
	IdentityProviders []IdentityProvider `yaml:"identity_providers,omitempty" json:"identity_providers,omitempty"`
	ResourceServers   []ResourceServer   `yaml:"resource_servers,omitempty" json:"resource_servers,omitempty"`
	IdentityPool      *IdentityPool      `yaml:"identity_pool,omitempty" json:"identity_pool,omitempty"`
	AdminQueries      *AdminQueries      `yaml:"admin_queries,omitempty" json:"admin_queries,omitempty"`
	Functions         *Functions         `yaml:"functions,omitempty" json:"functions,omitempty"`
}

// Values of Config.Mode: Amplify's Default configuration, Default
// configuration with Social Provider, and Manual configuration.
const (
	ModeDefault       = "default"
	ModeDefaultSocial = "default_social"
	ModeManual        = "manual"
)

// Values of Config.Services.
const (
	ServicesUserPool             = "user_pool"
	ServicesUserPoolIdentityPool = "user_pool_and_identity_pool"
)

// UserPool is the user pool and everything that lives directly on it.
type UserPool struct {
	// ID pins the pool; when empty, apply finds the pool by its resource-name tag.
	ID                 string            `yaml:"id,omitempty" json:"id,omitempty"`
	Name               string            `yaml:"name" json:"name"`
	SignIn             SignIn            `yaml:"sign_in" json:"sign_in"`
	Attributes         Attributes        `yaml:"attributes" json:"attributes"`
	PasswordPolicy     *PasswordPolicy   `yaml:"password_policy,omitempty" json:"password_policy,omitempty"`
	MFA                *MFA              `yaml:"mfa,omitempty" json:"mfa,omitempty"`
	SMS                *SMS              `yaml:"sms,omitempty" json:"sms,omitempty"`
	Verification       *Verification     `yaml:"verification,omitempty" json:"verification,omitempty"`
	AccountRecovery    []string          `yaml:"account_recovery,omitempty" json:"account_recovery,omitempty"`
	EmailSending       *EmailSending     `yaml:"email_sending,omitempty" json:"email_sending,omitempty"`
	AdminCreateUser    *AdminCreateUser  `yaml:"admin_create_user,omitempty" json:"admin_create_user,omitempty"`
	FeaturePlan        string            `yaml:"feature_plan,omitempty" json:"feature_plan,omitempty"`
	DeletionProtection *bool             `yaml:"deletion_protection,omitempty" json:"deletion_protection,omitempty"`
	Triggers           *Triggers         `yaml:"triggers,omitempty" json:"triggers,omitempty"`
	Capabilities       []Capability      `yaml:"capabilities,omitempty" json:"capabilities,omitempty"`
	Groups             []Group           `yaml:"groups,omitempty" json:"groups,omitempty"`
	Tags               map[string]string `yaml:"tags,omitempty" json:"tags,omitempty"`
}

// SignIn holds the create-only sign-in identifiers.
type SignIn struct {
	// UsernameAttributes: [] = a username; [email]; [phone_number]; [email, phone_number].
	UsernameAttributes []string `yaml:"username_attributes" json:"username_attributes"`
	// AliasAttributes: a username plus aliases; exclusive with UsernameAttributes.
	AliasAttributes []string `yaml:"alias_attributes,omitempty" json:"alias_attributes,omitempty"`
	// CaseSensitive is a pointer because the API default (true) is the unsafe one.
	CaseSensitive *bool `yaml:"case_sensitive,omitempty" json:"case_sensitive,omitempty"`
}

// Attributes holds required standard attributes and custom attributes.
type Attributes struct {
	Required []string          `yaml:"required" json:"required"`
	Custom   []CustomAttribute `yaml:"custom,omitempty" json:"custom,omitempty"`
}

// CustomAttribute is one custom: attribute. It can be added later but never changed or removed.
type CustomAttribute struct {
	Name      string `yaml:"name" json:"name"`
	Type      string `yaml:"type" json:"type"`
	Mutable   *bool  `yaml:"mutable,omitempty" json:"mutable,omitempty"`
	MinLength *int   `yaml:"min_length,omitempty" json:"min_length,omitempty"`
	MaxLength *int   `yaml:"max_length,omitempty" json:"max_length,omitempty"`
	MinValue  *int   `yaml:"min_value,omitempty" json:"min_value,omitempty"`
	MaxValue  *int   `yaml:"max_value,omitempty" json:"max_value,omitempty"`
}

// PasswordPolicy is Policies.PasswordPolicy.
type PasswordPolicy struct {
	MinimumLength                 *int `yaml:"minimum_length,omitempty" json:"minimum_length,omitempty"`
	RequireLowercase              bool `yaml:"require_lowercase" json:"require_lowercase"`
	RequireUppercase              bool `yaml:"require_uppercase" json:"require_uppercase"`
	RequireNumbers                bool `yaml:"require_numbers" json:"require_numbers"`
	RequireSymbols                bool `yaml:"require_symbols" json:"require_symbols"`
	TemporaryPasswordValidityDays *int `yaml:"temporary_password_validity_days,omitempty" json:"temporary_password_validity_days,omitempty"`
	PasswordHistorySize           *int `yaml:"password_history_size,omitempty" json:"password_history_size,omitempty"`
}

// MFA is MfaConfiguration plus the factors set through SetUserPoolMfaConfig.
type MFA struct {
	Mode       string   `yaml:"mode" json:"mode"`
	Factors    []string `yaml:"factors,omitempty" json:"factors,omitempty"`
	SMSMessage string   `yaml:"sms_message,omitempty" json:"sms_message,omitempty"`
}

// MFA modes and factors.
const (
	MFAOff      = "OFF"
	MFAOn       = "ON"
	MFAOptional = "OPTIONAL"

	FactorSMS   = "sms"
	FactorTOTP  = "totp"
	FactorEmail = "email"
)

// SMS is SmsConfiguration: the IAM role Cognito assumes to send SMS through SNS.
type SMS struct {
	SNSCallerARN string `yaml:"sns_caller_arn" json:"sns_caller_arn"`
	ExternalID   string `yaml:"external_id,omitempty" json:"external_id,omitempty"`
	SNSRegion    string `yaml:"sns_region,omitempty" json:"sns_region,omitempty"`
}

// Verification covers auto-verified attributes and the verification messages.
type Verification struct {
	AutoVerifiedAttributes []string `yaml:"auto_verified_attributes" json:"auto_verified_attributes"`
	// KeepOriginalUntilVerified is UserAttributeUpdateSettings: keep the old
	// email/phone active until the new one is verified.
	KeepOriginalUntilVerified *bool  `yaml:"keep_original_until_verified,omitempty" json:"keep_original_until_verified,omitempty"`
	EmailStyle                string `yaml:"email_style,omitempty" json:"email_style,omitempty"`
	EmailSubject              string `yaml:"email_subject,omitempty" json:"email_subject,omitempty"`
	EmailMessage              string `yaml:"email_message,omitempty" json:"email_message,omitempty"`
	EmailSubjectByLink        string `yaml:"email_subject_by_link,omitempty" json:"email_subject_by_link,omitempty"`
	EmailMessageByLink        string `yaml:"email_message_by_link,omitempty" json:"email_message_by_link,omitempty"`
	SMSMessage                string `yaml:"sms_message,omitempty" json:"sms_message,omitempty"`
}

// Verification email styles.
const (
	EmailStyleCode = "code"
	EmailStyleLink = "link"
)

// EmailSending is EmailConfiguration.
type EmailSending struct {
	Account          string `yaml:"account" json:"account"`
	SourceARN        string `yaml:"source_arn,omitempty" json:"source_arn,omitempty"`
	From             string `yaml:"from,omitempty" json:"from,omitempty"`
	ReplyTo          string `yaml:"reply_to,omitempty" json:"reply_to,omitempty"`
	ConfigurationSet string `yaml:"configuration_set,omitempty" json:"configuration_set,omitempty"`
}

// AdminCreateUser is AdminCreateUserConfig.
type AdminCreateUser struct {
	AdminOnly          bool   `yaml:"admin_only" json:"admin_only"`
	InviteEmailSubject string `yaml:"invite_email_subject,omitempty" json:"invite_email_subject,omitempty"`
	InviteEmailMessage string `yaml:"invite_email_message,omitempty" json:"invite_email_message,omitempty"`
	InviteSMSMessage   string `yaml:"invite_sms_message,omitempty" json:"invite_sms_message,omitempty"`
}

// Triggers is LambdaConfig: a Lambda function ARN per trigger.
type Triggers struct {
	PreSignUp                   string `yaml:"pre_sign_up,omitempty" json:"pre_sign_up,omitempty"`
	CustomMessage               string `yaml:"custom_message,omitempty" json:"custom_message,omitempty"`
	PostConfirmation            string `yaml:"post_confirmation,omitempty" json:"post_confirmation,omitempty"`
	PreAuthentication           string `yaml:"pre_authentication,omitempty" json:"pre_authentication,omitempty"`
	PostAuthentication          string `yaml:"post_authentication,omitempty" json:"post_authentication,omitempty"`
	DefineAuthChallenge         string `yaml:"define_auth_challenge,omitempty" json:"define_auth_challenge,omitempty"`
	CreateAuthChallenge         string `yaml:"create_auth_challenge,omitempty" json:"create_auth_challenge,omitempty"`
	VerifyAuthChallengeResponse string `yaml:"verify_auth_challenge_response,omitempty" json:"verify_auth_challenge_response,omitempty"`
	PreTokenGeneration          string `yaml:"pre_token_generation,omitempty" json:"pre_token_generation,omitempty"`
	// PreTokenGenerationVersion is PreTokenGenerationConfig.LambdaVersion: V1_0, V2_0 or V3_0.
	PreTokenGenerationVersion string `yaml:"pre_token_generation_version,omitempty" json:"pre_token_generation_version,omitempty"`
	UserMigration             string `yaml:"user_migration,omitempty" json:"user_migration,omitempty"`
	CustomSMSSender           string `yaml:"custom_sms_sender,omitempty" json:"custom_sms_sender,omitempty"`
	CustomEmailSender         string `yaml:"custom_email_sender,omitempty" json:"custom_email_sender,omitempty"`
	KMSKeyID                  string `yaml:"kms_key_id,omitempty" json:"kms_key_id,omitempty"`
	// Pending names triggers picked in the wizard whose function ARN is
	// still to be filled in; apply wires only the ARNs.
	Pending []string `yaml:"pending,omitempty" json:"pending,omitempty"`
}

// Capability is one of Amplify's ready-made trigger capabilities. Each of
// its triggers is served by a function cogwiz generates (see Functions),
// unless the matching key under triggers holds the ARN of your own function.
type Capability struct {
	Type string `yaml:"type" json:"type"`
	// Group: add_user_to_group.
	Group string `yaml:"group,omitempty" json:"group,omitempty"`
	// Domains: email_domain_denylist / email_domain_allowlist.
	Domains []string `yaml:"domains,omitempty" json:"domains,omitempty"`
	// RedirectURL, EmailSubject, EmailMessage: email_verification_link.
	RedirectURL  string `yaml:"redirect_url,omitempty" json:"redirect_url,omitempty"`
	EmailSubject string `yaml:"email_subject,omitempty" json:"email_subject,omitempty"`
	EmailMessage string `yaml:"email_message,omitempty" json:"email_message,omitempty"`
	// Secret: recaptcha (a ${env:NAME} reference).
	Secret string `yaml:"secret,omitempty" json:"secret,omitempty"`
}

// Capability types (Amplify's seven).
const (
	CapRecaptcha             = "recaptcha"
	CapEmailVerificationLink = "email_verification_link"
	CapAddUserToGroup        = "add_user_to_group"
	CapEmailDomainDenylist   = "email_domain_denylist"
	CapEmailDomainAllowlist  = "email_domain_allowlist"
	CapCustomAuthScaffolding = "custom_auth_scaffolding"
	CapOverrideIDTokenClaims = "override_id_token_claims"
)

// Group is a user pool group.
type Group struct {
	Name        string `yaml:"name" json:"name"`
	Precedence  *int   `yaml:"precedence,omitempty" json:"precedence,omitempty"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
	RoleARN     string `yaml:"role_arn,omitempty" json:"role_arn,omitempty"`
}

// AppClient is a user pool app client.
type AppClient struct {
	Name string `yaml:"name" json:"name"`
	// ID pins the client; when empty, apply finds it by name.
	ID                         string         `yaml:"id,omitempty" json:"id,omitempty"`
	GenerateSecret             bool           `yaml:"generate_secret" json:"generate_secret"`
	TokenValidity              *TokenValidity `yaml:"token_validity,omitempty" json:"token_validity,omitempty"`
	AuthFlows                  []string       `yaml:"auth_flows,omitempty" json:"auth_flows,omitempty"`
	ReadAttributes             []string       `yaml:"read_attributes,omitempty" json:"read_attributes,omitempty"`
	WriteAttributes            []string       `yaml:"write_attributes,omitempty" json:"write_attributes,omitempty"`
	OAuth                      *OAuth         `yaml:"oauth,omitempty" json:"oauth,omitempty"`
	PreventUserExistenceErrors *bool          `yaml:"prevent_user_existence_errors,omitempty" json:"prevent_user_existence_errors,omitempty"`
	EnableTokenRevocation      *bool          `yaml:"enable_token_revocation,omitempty" json:"enable_token_revocation,omitempty"`
}

// TokenValidity holds token lifetimes written with a unit: 30m, 1h, 30d, 3600s.
type TokenValidity struct {
	Access  Duration `yaml:"access,omitempty" json:"access,omitempty"`
	ID      Duration `yaml:"id,omitempty" json:"id,omitempty"`
	Refresh Duration `yaml:"refresh,omitempty" json:"refresh,omitempty"`
}

// OAuth is the client's OAuth 2.0 / hosted UI settings.
type OAuth struct {
	Flows              []string `yaml:"flows" json:"flows"`
	Scopes             []string `yaml:"scopes" json:"scopes"`
	CallbackURLs       []string `yaml:"callback_urls,omitempty" json:"callback_urls,omitempty"`
	LogoutURLs         []string `yaml:"logout_urls,omitempty" json:"logout_urls,omitempty"`
	DefaultRedirectURI string   `yaml:"default_redirect_uri,omitempty" json:"default_redirect_uri,omitempty"`
	IdentityProviders  []string `yaml:"identity_providers,omitempty" json:"identity_providers,omitempty"`
}

// Domain is the hosted UI domain: a prefix on amazoncognito.com, or a custom domain.
type Domain struct {
	Prefix              string `yaml:"prefix,omitempty" json:"prefix,omitempty"`
	CustomDomain        string `yaml:"custom_domain,omitempty" json:"custom_domain,omitempty"`
	CertificateARN      string `yaml:"certificate_arn,omitempty" json:"certificate_arn,omitempty"`
	ManagedLoginVersion *int   `yaml:"managed_login_version,omitempty" json:"managed_login_version,omitempty"`
}

// IdentityProvider is a social, OIDC or SAML provider of the user pool.
type IdentityProvider struct {
	Type string `yaml:"type" json:"type"`
	// Name is the provider name; social providers must be named after their type.
	Name             string            `yaml:"name,omitempty" json:"name,omitempty"`
	ClientID         string            `yaml:"client_id,omitempty" json:"client_id,omitempty"`
	ClientSecret     string            `yaml:"client_secret,omitempty" json:"client_secret,omitempty"`
	Scopes           []string          `yaml:"scopes,omitempty" json:"scopes,omitempty"`
	AttributeMapping map[string]string `yaml:"attribute_mapping,omitempty" json:"attribute_mapping,omitempty"`
	// Facebook.
	APIVersion string `yaml:"api_version,omitempty" json:"api_version,omitempty"`
	// SignInWithApple.
	TeamID     string `yaml:"team_id,omitempty" json:"team_id,omitempty"`
	KeyID      string `yaml:"key_id,omitempty" json:"key_id,omitempty"`
	PrivateKey string `yaml:"private_key,omitempty" json:"private_key,omitempty"`
	// OIDC.
	OIDCIssuer              string `yaml:"oidc_issuer,omitempty" json:"oidc_issuer,omitempty"`
	AttributesRequestMethod string `yaml:"attributes_request_method,omitempty" json:"attributes_request_method,omitempty"`
	// SAML.
	MetadataURL string   `yaml:"metadata_url,omitempty" json:"metadata_url,omitempty"`
	Identifiers []string `yaml:"identifiers,omitempty" json:"identifiers,omitempty"`
}

// Identity provider types.
const (
	IdPGoogle   = "Google"
	IdPFacebook = "Facebook"
	IdPAmazon   = "LoginWithAmazon"
	IdPApple    = "SignInWithApple"
	IdPOIDC     = "OIDC"
	IdPSAML     = "SAML"
)

// ProviderName is the name Cognito knows the provider by.
func (p IdentityProvider) ProviderName() string {
	if p.Name != "" {
		return p.Name
	}
	return p.Type
}

// ResourceServer defines custom OAuth scopes (<identifier>/<scope>).
type ResourceServer struct {
	Identifier string  `yaml:"identifier" json:"identifier"`
	Name       string  `yaml:"name" json:"name"`
	Scopes     []Scope `yaml:"scopes,omitempty" json:"scopes,omitempty"`
}

// Scope is a resource server scope.
type Scope struct {
	Name        string `yaml:"name" json:"name"`
	Description string `yaml:"description" json:"description"`
}

// IdentityPool is the optional identity pool (services:
// user_pool_and_identity_pool): AWS credentials for the pool's users
// through an authenticated and an unauthenticated IAM role, and a role per
// group.
type IdentityPool struct {
	// ID pins the identity pool; when empty, apply finds it by its
	// resource-name tag.
	ID                   string `yaml:"id,omitempty" json:"id,omitempty"`
	Name                 string `yaml:"name" json:"name"`
	AllowUnauthenticated bool   `yaml:"allow_unauthenticated" json:"allow_unauthenticated"`
	// AllowClassicFlow is the basic (classic) authentication flow.
	AllowClassicFlow *bool `yaml:"allow_classic_flow,omitempty" json:"allow_classic_flow,omitempty"`
	// AppClients names the app clients whose sign-ins the pool accepts;
	// empty means every client under app_clients.
	AppClients           []string `yaml:"app_clients,omitempty" json:"app_clients,omitempty"`
	ServerSideTokenCheck *bool    `yaml:"server_side_token_check,omitempty" json:"server_side_token_check,omitempty"`
	// Providers are social logins trusted directly (Amplify's third-party auth).
	Providers                 []IdentityPoolProvider `yaml:"providers,omitempty" json:"providers,omitempty"`
	OpenIDConnectProviderARNs []string               `yaml:"openid_connect_provider_arns,omitempty" json:"openid_connect_provider_arns,omitempty"`
	SAMLProviderARNs          []string               `yaml:"saml_provider_arns,omitempty" json:"saml_provider_arns,omitempty"`
	// DeveloperProviderName is create-only once set.
	DeveloperProviderName string `yaml:"developer_provider_name,omitempty" json:"developer_provider_name,omitempty"`
	// AuthenticatedRole and UnauthenticatedRole: absent means a role cogwiz
	// creates with its default name and no permissions.
	AuthenticatedRole   *IdentityPoolRole `yaml:"authenticated_role,omitempty" json:"authenticated_role,omitempty"`
	UnauthenticatedRole *IdentityPoolRole `yaml:"unauthenticated_role,omitempty" json:"unauthenticated_role,omitempty"`
	// GroupRoles: cogwiz creates a role per group that has no role_arn
	// (default true, as Amplify does).
	GroupRoles *bool `yaml:"group_roles,omitempty" json:"group_roles,omitempty"`
	// RoleMapping: token (the roles in the ID token's cognito:roles and
	// cognito:preferred_role claims, so group roles take effect) or none.
	RoleMapping string `yaml:"role_mapping,omitempty" json:"role_mapping,omitempty"`
	// AmbiguousRoleResolution: AuthenticatedRole or Deny, with token mapping.
	AmbiguousRoleResolution string `yaml:"ambiguous_role_resolution,omitempty" json:"ambiguous_role_resolution,omitempty"`
}

// IdentityPoolRole is an IAM role of the identity pool: one cogwiz creates
// (Name, or the default name) or an existing one (ARN) that cogwiz uses
// as it is and never changes or deletes.
type IdentityPoolRole struct {
	Name string `yaml:"name,omitempty" json:"name,omitempty"`
	ARN  string `yaml:"arn,omitempty" json:"arn,omitempty"`
	// ManagedPolicyARNs are attached to a role cogwiz creates; without
	// them the role has no permissions.
	ManagedPolicyARNs []string `yaml:"managed_policy_arns,omitempty" json:"managed_policy_arns,omitempty"`
}

// Values of IdentityPool.RoleMapping and AmbiguousRoleResolution.
const (
	RoleMappingToken        = "token"
	RoleMappingNone         = "none"
	AmbiguousAuthenticated  = "AuthenticatedRole"
	AmbiguousDeny           = "Deny"
	IdentityRoleAuth        = "authenticated"
	IdentityRoleUnauth      = "unauthenticated"
	identityRoleGroupPrefix = "group:"
)

// IdentityRole is one IAM role of the identity pool, with its defaults
// resolved: what plan, apply and the exports work from.
type IdentityRole struct {
	// Key is authenticated, unauthenticated or group:<name>; cogwiz tags
	// the roles it creates with it.
	Key string
	// Group is the group's name for a group role.
	Group string
	// Name is the role cogwiz creates; empty when ARN names an existing role.
	Name              string
	ARN               string
	ManagedPolicyARNs []string
	// AMR is the cognito-identity.amazonaws.com:amr value the trust policy
	// allows: authenticated or unauthenticated.
	AMR string
}

// Created reports whether cogwiz creates (and owns) the role.
func (r IdentityRole) Created() bool { return r.ARN == "" }

// GroupRoleKey is the IdentityRole key of a group's role.
func GroupRoleKey(group string) string { return identityRoleGroupPrefix + group }

// IdentityRoles lists the identity pool's roles: authenticated,
// unauthenticated, then one per group (in file order) that gets a role
// cogwiz creates. Nil without an identity pool.
func (c *Config) IdentityRoles() []IdentityRole {
	ip := c.IdentityPool
	if ip == nil {
		return nil
	}
	role := func(key, amr, defName string, r *IdentityPoolRole) IdentityRole {
		out := IdentityRole{Key: key, AMR: amr, Name: defName}
		if r != nil {
			out.ManagedPolicyARNs = r.ManagedPolicyARNs
			if r.ARN != "" {
				out.Name, out.ARN = "", r.ARN
			} else if r.Name != "" {
				out.Name = r.Name
			}
		}
		return out
	}
	out := []IdentityRole{
		role(IdentityRoleAuth, IdentityRoleAuth, c.ResourceName+"-authRole", ip.AuthenticatedRole),
		role(IdentityRoleUnauth, IdentityRoleUnauth, c.ResourceName+"-unauthRole", ip.UnauthenticatedRole),
	}
	if ip.GroupRoles == nil || *ip.GroupRoles {
		for _, g := range c.UserPool.Groups {
			if g.RoleARN == "" {
				out = append(out, IdentityRole{Key: GroupRoleKey(g.Name), Group: g.Name, Name: c.ResourceName + "-" + g.Name + "GroupRole", AMR: IdentityRoleAuth})
			}
		}
	}
	return out
}

// IdentityRolePath is the IAM path of the roles cogwiz creates for this
// file: it lets cogwiz list them (ListRoles by path) without knowing
// their names, for instance the role of a group removed from the file.
func (c *Config) IdentityRolePath() string { return "/cogwiz/" + c.ResourceName + "/" }

// EffectiveRoleMapping is RoleMapping with its default: token when the
// pool has group roles (so they take effect, as Amplify sets it up),
// none otherwise.
func (c *Config) EffectiveRoleMapping() string {
	ip := c.IdentityPool
	if ip == nil {
		return RoleMappingNone
	}
	if ip.RoleMapping != "" {
		return ip.RoleMapping
	}
	for _, g := range c.UserPool.Groups {
		if g.RoleARN != "" || ip.GroupRoles == nil || *ip.GroupRoles {
			return RoleMappingToken
		}
	}
	return RoleMappingNone
}

// EffectiveAmbiguousRoleResolution is AmbiguousRoleResolution with its
// default, AuthenticatedRole (Amplify's choice).
func (c *Config) EffectiveAmbiguousRoleResolution() string {
	if c.IdentityPool != nil && c.IdentityPool.AmbiguousRoleResolution != "" {
		return c.IdentityPool.AmbiguousRoleResolution
	}
	return AmbiguousAuthenticated
}

// IdentityPoolClients are the names of the app clients the identity pool
// trusts: identity_pool.app_clients, or every app client.
func (c *Config) IdentityPoolClients() []string {
	if c.IdentityPool != nil && len(c.IdentityPool.AppClients) > 0 {
		return c.IdentityPool.AppClients
	}
	out := make([]string, 0, len(c.AppClients))
	for _, a := range c.AppClients {
		out = append(out, a.Name)
	}
	return out
}

// IdentityPoolProvider is a federated login provider of the identity pool.
type IdentityPoolProvider struct {
	// Type: facebook | google | amazon | apple.
	Type string `yaml:"type" json:"type"`
	// AppID is the provider's app id (Google web client id, Apple bundle id, ...).
	AppID string `yaml:"app_id" json:"app_id"`
	// ExtraAudiences: Google iOS/Android client ids.
	ExtraAudiences []string `yaml:"extra_audiences,omitempty" json:"extra_audiences,omitempty"`
}

// AdminQueries is Amplify's admin queries API choice.
type AdminQueries struct {
	Enabled bool   `yaml:"enabled" json:"enabled"`
	Group   string `yaml:"group,omitempty" json:"group,omitempty"`
}

// Functions configures the Lambda functions cogwiz generates for the
// capabilities: one function per trigger, its source written below
// SourceDir and owned by the user from then on.
type Functions struct {
	// SourceDir is relative to the directory of cognito.yaml.
	SourceDir string `yaml:"source_dir,omitempty" json:"source_dir,omitempty"`
	// Runtime is the Lambda runtime of every generated function.
	Runtime string `yaml:"runtime,omitempty" json:"runtime,omitempty"`
}

// Defaults of Functions.
const (
	DefaultFunctionsDir     = "cognito-functions"
	DefaultFunctionsRuntime = "nodejs22.x"
)

// FunctionsSourceDir is where the generated sources live, relative to the
// directory of cognito.yaml.
func (c *Config) FunctionsSourceDir() string {
	if c.Functions != nil && c.Functions.SourceDir != "" {
		return c.Functions.SourceDir
	}
	return DefaultFunctionsDir
}

// FunctionsRuntime is the Lambda runtime of the generated functions.
func (c *Config) FunctionsRuntime() string {
	if c.Functions != nil && c.Functions.Runtime != "" {
		return c.Functions.Runtime
	}
	return DefaultFunctionsRuntime
}

// Bool returns a pointer to b.
func Bool(b bool) *bool { return &b }

// Int returns a pointer to i.
func Int(i int) *int { return &i }
