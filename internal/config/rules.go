package config

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// This file is the one place that knows Cognito's value rules: the
// allowed values of every closed set, the name patterns and the length
// limits. Validate (whole file), CheckValue (one wizard answer) and the
// exporters all read from here, so no rule is written twice.
//
// Unless a comment says otherwise, every limit and pattern comes from the
// Cognito API model:
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_Types.html

// StandardAttributes are the standard (OIDC) user attributes a pool can
// require at sign-up, in Cognito's order.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html#cognito-user-pools-standard-attributes
var StandardAttributes = []string{
	"address", "birthdate", "email", "family_name", "gender", "given_name",
	"locale", "middle_name", "name", "nickname", "phone_number", "picture",
	"preferred_username", "profile", "updated_at", "website", "zoneinfo",
}

// VerifiedFlagAttributes are readable flags Cognito keeps beside email and
// phone_number; clients may read them, and IdPs may map them.
var VerifiedFlagAttributes = []string{"email_verified", "phone_number_verified"}

// Closed sets of values, each the exact spelling cognito.yaml uses.
var (
	ServicesValues = []string{ServicesUserPool, ServicesUserPoolIdentityPool}
	ModeValues     = []string{ModeDefault, ModeDefaultSocial, ModeManual}
	// TriggerKeys are the keys of user_pool.triggers that hold a function
	// ARN, in LambdaConfig's order (triggerFields lists them so).
	TriggerKeys = []string{
		"pre_sign_up", "custom_message", "post_confirmation", "pre_authentication", "post_authentication",
		"define_auth_challenge", "create_auth_challenge", "verify_auth_challenge_response", "pre_token_generation",
		"user_migration", "custom_sms_sender", "custom_email_sender",
	}
	UsernameAttributeValues     = []string{"email", "phone_number"}
	AliasAttributeValues        = []string{"email", "phone_number", "preferred_username"}
	CustomAttributeTypes        = []string{"String", "Number", "DateTime", "Boolean"}
	MFAModes                    = []string{MFAOff, MFAOn, MFAOptional}
	MFAFactors                  = []string{FactorSMS, FactorTOTP, FactorEmail}
	AutoVerifiedAttributeValues = []string{"email", "phone_number"}
	EmailStyles                 = []string{EmailStyleCode, EmailStyleLink}
	AccountRecoveryValues       = []string{"verified_email", "verified_phone_number", "admin_only"}
	EmailSendingAccounts        = []string{"COGNITO_DEFAULT", "DEVELOPER"}
	FeaturePlans                = []string{"LITE", "ESSENTIALS", "PLUS"}
	PreTokenGenerationVersions  = []string{"V1_0", "V2_0", "V3_0"}
	CapabilityTypes             = []string{
		CapRecaptcha, CapEmailVerificationLink, CapAddUserToGroup, CapEmailDomainDenylist,
		CapEmailDomainAllowlist, CapCustomAuthScaffolding, CapOverrideIDTokenClaims,
	}
	// ValidAuthFlows are the ExplicitAuthFlows values cogwiz writes.
	ValidAuthFlows = []string{
		"ALLOW_USER_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH",
		"ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH",
	}
	// LegacyAuthFlows are still accepted by Cognito but cannot be mixed with ALLOW_* values.
	LegacyAuthFlows = []string{"ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH"}
	OAuthFlows      = []string{"code", "implicit", "client_credentials"}
	// BuiltinScopes are the OAuth scopes every pool has; custom ones are
	// "<resource server identifier>/<scope name>".
	BuiltinScopes         = []string{"openid", "email", "phone", "profile", "aws.cognito.signin.user.admin"}
	IdentityProviderTypes = []string{IdPGoogle, IdPFacebook, IdPAmazon, IdPApple, IdPOIDC, IdPSAML}
	// SocialProviderTypes must be named after their type, so a pool has at most one of each.
	SocialProviderTypes       = []string{IdPGoogle, IdPFacebook, IdPAmazon, IdPApple}
	AttributesRequestMethods  = []string{"GET", "POST"}
	IdentityPoolProviderTypes = []string{"facebook", "google", "amazon", "apple"}
	RoleMappings              = []string{RoleMappingToken, RoleMappingNone}
	AmbiguousRoleResolutions  = []string{AmbiguousAuthenticated, AmbiguousDeny}
	ManagedLoginVersions      = []string{"1", "2"}
	// ReservedDomainWords may not appear anywhere in a domain prefix; the
	// API model's pattern does not say so, CreateUserPoolDomain does.
	ReservedDomainWords = []string{"aws", "amazon", "cognito"}
)

// Name and ARN patterns, each compiled on first use (see lazyRegexp).
var (
	ResourceNamePattern     = lazyRegexp(`^[a-zA-Z0-9]{1,128}$`)
	IdentityPoolNamePattern = lazyRegexp(`^[a-zA-Z0-9_]{1,128}$`)
	// IAM role names and paths, and the developer provider name.
	// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html
	// https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_CreateIdentityPool.html
	RoleNamePattern          = lazyRegexp(`^[\w+=,.@-]{1,64}$`)
	RoleARNPattern           = lazyRegexp(`^arn:aws[\w-]*:iam::\d{12}:role/[\w+=,.@/-]+$`)
	PolicyARNPattern         = lazyRegexp(`^arn:aws[\w-]*:iam::(\d{12}|aws):policy/[\w+=,.@/-]+$`)
	DeveloperProviderPattern = lazyRegexp(`^[\w._-]{1,128}$`)
	// PoolNamePattern also covers app client and resource server names.
	PoolNamePattern            = lazyRegexp(`^[\w\s+=,.@-]+$`)
	GroupNamePattern           = lazyRegexp(`^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$`)
	CustomAttributeNamePattern = lazyRegexp(`^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$`)
	DomainPrefixPattern        = lazyRegexp(`^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$`)
	ProviderNamePattern        = lazyRegexp(`^[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+$`)
	IdpIdentifierPattern       = lazyRegexp(`^[\w\s+=.@-]{1,40}$`)
	ResourceServerIDPattern    = lazyRegexp(`^[\x21\x23-\x5B\x5D-\x7E]+$`)
	ScopeNamePattern           = lazyRegexp(`^[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]+$`)
	EnvNamePattern             = envNamePattern
	LambdaARNPattern           = lazyRegexp(`^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$`)
	IAMRoleARNPattern          = lazyRegexp(`^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]+$`)
	SESIdentityARNPattern      = lazyRegexp(`^arn:aws[a-z-]*:ses:[a-z0-9-]+:\d{12}:identity/\S+$`)
	KMSKeyARNPattern           = lazyRegexp(`^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key/[A-Za-z0-9-]+$`)
	ACMCertificateARNPattern   = lazyRegexp(`^arn:aws[a-z-]*:acm:([a-z0-9-]+):\d{12}:certificate/[A-Za-z0-9-]+$`)
	FacebookAPIVersionPattern  = lazyRegexp(`^v\d+\.\d+$`)
	UserPoolIDPattern          = lazyRegexp(`^[\w-]+_[0-9a-zA-Z]+$`)
	AppClientIDPattern         = lazyRegexp(`^[\w+]+$`)
	hostnamePattern            = lazyRegexp(`^(?i)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$`)
	// linkPlaceholderPattern is the {##link text##} a link-style verification email needs.
	linkPlaceholderPattern = lazyRegexp(`\{##[\s\S]*##\}`)
)

// Limits.
const (
	MaxCustomAttributes      = 50
	MaxCustomAttributeName   = 20
	MaxStringAttributeLength = 2048
	MaxTags                  = 50
	MaxRedirectURLs          = 100
	MaxResourceServerScopes  = 100
	MaxOAuthScopes           = 50
	MaxIdpIdentifiers        = 50

	CodePlaceholder     = "{####}"
	UsernamePlaceholder = "{username}"
)

// Token validity bounds, in seconds.
// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-with-identity-providers.html
const (
	minAccessTokenSeconds  = 5 * 60
	maxAccessTokenSeconds  = 24 * 3600
	minRefreshTokenSeconds = 60 * 60
	maxRefreshTokenSeconds = 3650 * 24 * 3600
)

// Feature plan values as the rules need them.
const (
	planLite       = "LITE"
	planEssentials = "ESSENTIALS"
	planPlus       = "PLUS"

	emailAccountDefault   = "COGNITO_DEFAULT"
	emailAccountDeveloper = "DEVELOPER"
)

// valueError is a rule failure that knows a more precise fix than its rule's hint.
type valueError struct {
	msg  string
	hint string
}

func (e *valueError) Error() string { return e.msg }

func fail(msg, hint string) error { return &valueError{msg: msg, hint: hint} }

// valueRule checks one string answer; Hint says how to fix a failure.
type valueRule struct {
	check func(string) error
	hint  string
}

// valueRules are the single-answer rules, shared by CheckValue and Validate.
var valueRules = map[string]valueRule{
	"required":      {checkRequired, "enter a value"},
	"resource_name": {checkResourceName, "use 1–128 letters and digits, e.g. AppAuth"},
	"pool_name":     {checkPoolName, "use 1–128 letters, digits, spaces or + = , . @ _ -"},
	"client_name":   {checkPoolName, "use 1–128 letters, digits, spaces or + = , . @ _ -"},
	"identity_pool_name": {checkIdentityPoolName,
		"use 1–128 letters, digits or underscores"},
	// Amplify's wizard only offers ^[a-zA-Z0-9]+$ for the groups it creates;
	// Cognito itself accepts any printable name, and that is the rule here.
	"group_name":             {checkGroupName, "use 1–128 printable characters without spaces, e.g. Admins"},
	"domain_prefix":          {checkDomainPrefix, "use lowercase letters, digits and inner hyphens, e.g. myapp-auth"},
	"redirect_url":           {checkRedirectURL, "use https://…, http://localhost:PORT/… for development, or an app scheme like myapp://callback"},
	"https_url":              {checkHTTPSURL, "use an https:// URL"},
	"password_min_length":    {checkPasswordMinLength, "choose a number from 6 to 99; 8 is Cognito's default"},
	"refresh_token_days":     {checkRefreshTokenDays, "choose a number of days from 1 to 3650; 30 is Cognito's default"},
	"verification_message":   {checkVerificationMessage, "write 6–20000 characters including {####}, e.g. \"Your code is {####}\""},
	"link_message":           {checkLinkMessage, "include the link as {##Verify email##}"},
	"sms_message":            {checkSMSMessage, "write 6–140 characters including {####}, e.g. \"Your code is {####}\""},
	"email_subject":          {checkEmailSubject, "write a subject of 1–140 characters"},
	"invite_email_message":   {checkInviteEmailMessage, "include both {username} and {####}, e.g. \"Your username is {username} and temporary password is {####}\""},
	"invite_sms_message":     {checkInviteSMSMessage, "include both {username} and {####} in 6–140 characters"},
	"lambda_arn":             {checkLambdaARN, "use a function ARN like arn:aws:lambda:us-east-1:123456789012:function:my-function"},
	"iam_role_arn":           {checkIAMRoleARN, "use a role ARN like arn:aws:iam::123456789012:role/my-role"},
	"ses_identity_arn":       {checkSESIdentityARN, "use a verified SES identity ARN like arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com"},
	"kms_key_arn":            {checkKMSKeyARN, "use a key ARN like arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"},
	"acm_certificate_arn":    {checkACMCertificateARN, "use an ACM certificate ARN from us-east-1"},
	"secret_ref":             {checkSecretRef, "write ${env:NAME} and export NAME before running cogwiz"},
	"env_name":               {checkEnvName, "use letters, digits and underscores, not starting with a digit, e.g. GOOGLE_CLIENT_SECRET"},
	"custom_attribute_name":  {checkCustomAttributeName, "use 1–20 printable characters without spaces, e.g. tier"},
	"email_domains":          {checkEmailDomains, "write domains separated by commas, e.g. example.com, example.org"},
	"provider_name":          {checkProviderName, "use 3–32 characters without spaces or underscores, e.g. MyOIDC"},
	"user_pool_id":           {checkUserPoolID, "copy the pool ID from the console or `aws cognito-idp list-user-pools`, e.g. eu-west-1_AbCdEf123"},
	"app_client_id":          {checkAppClientID, "copy the client ID from the console, or remove id to let apply find the client by name"},
	"resource_server_id":     {checkResourceServerID, "use 1–256 printable characters without spaces, quotes or backslashes, e.g. https://api.example.com"},
	"scope_name":             {checkScopeName, "use 1–256 printable characters without spaces or /, e.g. read"},
	"facebook_api_version":   {checkFacebookAPIVersion, "write the Graph API version like v17.0"},
	"custom_domain":          {checkCustomDomain, "use a full host name you own, e.g. auth.example.com"},
	"idp_identifier":         {checkIdpIdentifier, "use 1–40 letters, digits, spaces or + = . @ _ -"},
	"token_validity_minutes": {checkAccessTokenMinutes, "choose from 5 to 1440 minutes"},
}

// CheckValue runs the single-value rule named rule (e.g. "domain_prefix")
// over value; the wizard validates answers with it.
func CheckValue(rule, value string) error {
	r, ok := valueRules[rule]
	if !ok {
		return fmt.Errorf("config: unknown rule %q", rule)
	}
	return r.check(value)
}

// RuleHint returns the fix for a failure of rule, for prompts that show one.
func RuleHint(rule string) string { return valueRules[rule].hint }

// RuleNames lists the names CheckValue accepts.
func RuleNames() []string {
	names := make([]string, 0, len(valueRules))
	for n := range valueRules {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func lengthError(s string, lo, hi int) error {
	n := utf8.RuneCountInString(s)
	switch {
	case n < lo && lo == 1:
		return fail("cannot be empty", "")
	case n < lo:
		return fmt.Errorf("must be at least %d characters", lo)
	case n > hi:
		return fmt.Errorf("must be at most %d characters (it has %d)", hi, n)
	}
	return nil
}

func checkRequired(s string) error {
	if strings.TrimSpace(s) == "" {
		return fail("cannot be empty", "")
	}
	return nil
}

func checkResourceName(s string) error {
	if err := lengthError(s, 1, 128); err != nil {
		return err
	}
	if !ResourceNamePattern().MatchString(s) {
		return fmt.Errorf("must contain only letters and digits")
	}
	return nil
}

func checkPoolName(s string) error {
	if err := lengthError(s, 1, 128); err != nil {
		return err
	}
	if !PoolNamePattern().MatchString(s) {
		return fmt.Errorf("must contain only letters, digits, spaces and + = , . @ _ -")
	}
	return nil
}

func checkIdentityPoolName(s string) error {
	if err := lengthError(s, 1, 128); err != nil {
		return err
	}
	if !IdentityPoolNamePattern().MatchString(s) {
		return fmt.Errorf("must contain only letters, digits and underscores")
	}
	return nil
}

func checkGroupName(s string) error {
	if err := lengthError(s, 1, 128); err != nil {
		return err
	}
	if !GroupNamePattern().MatchString(s) {
		return fmt.Errorf("must contain only printable characters, no spaces")
	}
	return nil
}

// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-assign-domain-prefix.html
func checkDomainPrefix(s string) error {
	if err := lengthError(s, 1, 63); err != nil {
		return err
	}
	if !DomainPrefixPattern().MatchString(s) {
		if strings.ToLower(s) != s {
			return fail("must be lowercase", "write "+strings.ToLower(s))
		}
		return fmt.Errorf("must be lowercase letters, digits and hyphens, not starting or ending with a hyphen")
	}
	for _, w := range ReservedDomainWords {
		if strings.Contains(s, w) {
			return fail(fmt.Sprintf("must not contain the reserved word %q", w),
				"pick a prefix without aws, amazon or cognito in it, e.g. myapp-auth")
		}
	}
	return nil
}

// checkRedirectURL applies Cognito's rules for callback and sign-out URLs.
// A trailing slash is not required (Amplify's wizard wrongly insists on one).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-CallbackURLs
func checkRedirectURL(s string) error {
	if err := lengthError(s, 1, 1024); err != nil {
		return err
	}
	if strings.ContainsFunc(s, unicode.IsSpace) {
		return fmt.Errorf("must not contain spaces")
	}
	if strings.Contains(s, "#") {
		return fail("must not contain a #fragment", "remove the part from # on")
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" {
		return fmt.Errorf("must be an absolute URL like https://example.com/callback")
	}
	switch u.Scheme {
	case "https":
		if u.Host == "" {
			return fmt.Errorf("must name a host, like https://example.com/callback")
		}
	case "http":
		switch u.Hostname() {
		case "localhost", "127.0.0.1", "::1":
		default:
			secure := *u
			secure.Scheme = "https"
			return fail("must be https unless it is localhost, 127.0.0.1 or [::1]", "write "+secure.String())
		}
	}
	return nil
}

func checkHTTPSURL(s string) error {
	if err := lengthError(s, 1, 2048); err != nil {
		return err
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return fmt.Errorf("must be an https:// URL")
	}
	return nil
}

func checkIntRange(s string, lo, hi int) error {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return fmt.Errorf("must be a whole number")
	}
	if n < lo || n > hi {
		return fmt.Errorf("must be from %d to %d", lo, hi)
	}
	return nil
}

func checkPasswordMinLength(s string) error { return checkIntRange(s, 6, 99) }
func checkRefreshTokenDays(s string) error  { return checkIntRange(s, 1, 3650) }
func checkAccessTokenMinutes(s string) error {
	return checkIntRange(s, minAccessTokenSeconds/60, maxAccessTokenSeconds/60)
}

func checkTemplate(s string, lo, hi int, placeholders ...string) error {
	if err := lengthError(s, lo, hi); err != nil {
		return err
	}
	var missing []string
	for _, p := range placeholders {
		if !strings.Contains(s, p) {
			missing = append(missing, p)
		}
	}
	switch len(missing) {
	case 0:
		return nil
	case 1:
		return fmt.Errorf("must contain %s", missing[0])
	default:
		return fmt.Errorf("must contain %s", strings.Join(missing, " and "))
	}
}

func checkVerificationMessage(s string) error { return checkTemplate(s, 6, 20000, CodePlaceholder) }
func checkSMSMessage(s string) error          { return checkTemplate(s, 6, 140, CodePlaceholder) }
func checkEmailSubject(s string) error        { return lengthError(s, 1, 140) }

// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-message-customizations.html
func checkInviteEmailMessage(s string) error {
	return checkTemplate(s, 6, 20000, UsernamePlaceholder, CodePlaceholder)
}

func checkInviteSMSMessage(s string) error {
	return checkTemplate(s, 6, 140, UsernamePlaceholder, CodePlaceholder)
}

func checkLinkMessage(s string) error {
	if err := lengthError(s, 6, 20000); err != nil {
		return err
	}
	if !linkPlaceholderPattern().MatchString(s) {
		return fmt.Errorf("must contain the link as {##link text##}")
	}
	return nil
}

// checkPattern reports a pattern mismatch before a too-short length: "must
// be a Lambda function ARN" says more about "my-function" than a length does.
func checkPattern(s string, lo, hi int, re *regexp.Regexp, msg string) error {
	if s == "" || utf8.RuneCountInString(s) > hi {
		return lengthError(s, lo, hi)
	}
	if !re.MatchString(s) {
		return fmt.Errorf("%s", msg)
	}
	return lengthError(s, lo, hi)
}

func checkLambdaARN(s string) error {
	return checkPattern(s, 20, 2048, LambdaARNPattern(), "must be a Lambda function ARN")
}

func checkIAMRoleARN(s string) error {
	return checkPattern(s, 20, 2048, IAMRoleARNPattern(), "must be an IAM role ARN")
}

func checkSESIdentityARN(s string) error {
	return checkPattern(s, 20, 2048, SESIdentityARNPattern(), "must be an SES identity ARN")
}

func checkKMSKeyARN(s string) error {
	return checkPattern(s, 20, 2048, KMSKeyARNPattern(), "must be a KMS key ARN")
}

// Custom domains need their certificate in us-east-1, whatever the pool's region.
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-add-custom-domain.html
func checkACMCertificateARN(s string) error {
	if err := checkPattern(s, 20, 2048, ACMCertificateARNPattern(), "must be an ACM certificate ARN"); err != nil {
		return err
	}
	if region := ACMCertificateARNPattern().FindStringSubmatch(s)[1]; region != "us-east-1" {
		return fail(fmt.Sprintf("must be a certificate in us-east-1, not %s", region),
			"request or import the certificate in ACM in us-east-1 (N. Virginia)")
	}
	return nil
}

func checkSecretRef(s string) error {
	if IsSecretRef(s) {
		return nil
	}
	return fmt.Errorf("must be a reference like ${env:NAME}")
}

func checkEnvName(s string) error {
	if s == "" {
		return fail("cannot be empty", "")
	}
	if !EnvNamePattern().MatchString(s) {
		return fmt.Errorf("must be letters, digits and underscores, not starting with a digit")
	}
	return nil
}

func checkCustomAttributeName(s string) error {
	if rest, ok := strings.CutPrefix(s, "custom:"); ok {
		return fail("must not start with custom:", "write "+rest+"; Cognito adds the custom: prefix")
	}
	if err := lengthError(s, 1, MaxCustomAttributeName); err != nil {
		return err
	}
	if !CustomAttributeNamePattern().MatchString(s) {
		return fmt.Errorf("must contain only printable characters, no spaces")
	}
	if slices.Contains(StandardAttributes, s) || slices.Contains(VerifiedFlagAttributes, s) || s == "sub" {
		return fail("is a standard attribute name", "require it under user_pool.attributes.required instead, or pick another name")
	}
	return nil
}

func checkEmailDomains(s string) error {
	parts := splitList(s)
	if len(parts) == 0 {
		return fail("cannot be empty", "")
	}
	for _, d := range parts {
		if err := checkEmailDomain(d); err != nil {
			return err
		}
	}
	return nil
}

func checkEmailDomain(d string) error {
	if !hostnamePattern().MatchString(d) {
		return fmt.Errorf("%q is not a domain name like example.com", d)
	}
	return nil
}

// splitList splits a comma-separated answer and trims each part.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateIdentityProvider.html#CognitoUserPools-CreateIdentityProvider-request-ProviderName
func checkProviderName(s string) error {
	return checkPattern(s, 1, 32, ProviderNamePattern(),
		"must be at least 3 printable characters, not starting or ending with a space or underscore")
}

func checkResourceServerID(s string) error {
	return checkPattern(s, 1, 256, ResourceServerIDPattern(), "must contain only printable characters, no spaces, quotes or backslashes")
}

func checkScopeName(s string) error {
	if strings.Contains(s, "/") {
		return fmt.Errorf("must not contain /")
	}
	return checkPattern(s, 1, 256, ScopeNamePattern(), "must contain only printable characters, no spaces, quotes or backslashes")
}

func checkFacebookAPIVersion(s string) error {
	return checkPattern(s, 1, 16, FacebookAPIVersionPattern(), "must look like v17.0")
}

func checkCustomDomain(s string) error {
	if strings.Contains(s, "://") {
		return fail("must be a host name, not a URL", "drop the scheme and path, e.g. auth.example.com")
	}
	return checkPattern(s, 1, 253, hostnamePattern(), "must be a host name like auth.example.com")
}

func checkIdpIdentifier(s string) error {
	return checkPattern(s, 1, 40, IdpIdentifierPattern(), "must be 1–40 letters, digits(), spaces or + = . @ _ -")
}

func checkUserPoolID(s string) error {
	return checkPattern(s, 1, 55, UserPoolIDPattern(), "must look like <region>_<id>, e.g. eu-west-1_AbCdEf123")
}

func checkAppClientID(s string) error {
	return checkPattern(s, 1, 128, AppClientIDPattern(), "must contain only letters, digits(), _ and +")
}

// lazyRegexp compiles expr the first time it is needed. Compiling every
// pattern of this package when the program starts cost about 4 ms and
// 700 kB on each run, even of commands that validate nothing.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
