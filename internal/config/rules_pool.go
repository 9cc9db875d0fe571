package config

import (
	"fmt"
	"net/mail"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

func (v *validator) top() {
	c := v.c
	switch c.Version {
	case CurrentVersion:
	case 0:
		v.errorf("version", fmt.Sprintf("add version: %d as the first key", CurrentVersion), "version is missing")
	default:
		v.errorf("version", fmt.Sprintf("this cogwiz reads version %d; upgrade cogwiz to read newer files", CurrentVersion),
			"version %d is not supported", c.Version)
	}
	v.value("resource_name", "resource_name", c.ResourceName)
	v.oneOf("mode", c.Mode, ModeValues, true)
	v.oneOf("services", c.Services, ServicesValues, true)
	if c.Services == ServicesUserPoolIdentityPool && c.IdentityPool == nil {
		v.errorf("services", "add identity_pool: { name: ..., allow_unauthenticated: false }, or set services: user_pool",
			"services %s needs an identity_pool section", c.Services)
	}
	if c.Services != ServicesUserPoolIdentityPool && c.IdentityPool != nil {
		v.errorf("identity_pool", "set services: user_pool_and_identity_pool, or remove identity_pool",
			"identity_pool is only used with services: user_pool_and_identity_pool")
	}
}

func (v *validator) userPool() {
	up := &v.c.UserPool
	v.optional("user_pool.id", "user_pool_id", up.ID)
	v.value("user_pool.name", "pool_name", up.Name)
	v.signIn()
	v.attributes()
	v.passwordPolicy()
	v.mfa()
	v.sms()
	v.verification()
	v.accountRecovery()
	v.emailSending()
	v.adminCreateUser()
	v.oneOf("user_pool.feature_plan", up.FeaturePlan, FeaturePlans, true)
	v.triggers()
	v.capabilities()
	v.groupsRules()
	v.tags()
}

// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html#user-pool-settings-aliases
func (v *validator) signIn() {
	si := v.c.UserPool.SignIn
	v.set("user_pool.sign_in.username_attributes", si.UsernameAttributes, UsernameAttributeValues)
	v.set("user_pool.sign_in.alias_attributes", si.AliasAttributes, AliasAttributeValues)
	if len(si.UsernameAttributes) > 0 && len(si.AliasAttributes) > 0 {
		v.errorf("user_pool.sign_in.alias_attributes",
			"keep username_attributes (sign in with email/phone instead of a username) or alias_attributes (a username plus aliases), not both",
			"username_attributes and alias_attributes cannot both be set")
	}
	if slices.Contains(si.AliasAttributes, "preferred_username") && slices.Contains(v.c.UserPool.Attributes.Required, "preferred_username") {
		v.errorf("user_pool.sign_in.alias_attributes", "remove preferred_username from user_pool.attributes.required",
			"preferred_username cannot be both required and an alias")
	}
	// signInPath is the list that names attr as a sign-in identifier.
	signInPath := func(attr string) string {
		if slices.Contains(si.UsernameAttributes, attr) {
			return "user_pool.sign_in.username_attributes"
		}
		if slices.Contains(si.AliasAttributes, attr) {
			return "user_pool.sign_in.alias_attributes"
		}
		return ""
	}
	if p := signInPath("email"); p != "" && !v.autoVerified["email"] {
		v.warnf(p, "add email to user_pool.verification.auto_verified_attributes",
			"users sign in with email but email is not auto-verified; unverified users cannot use it to sign in or recover their password")
	}
	if p := signInPath("phone_number"); p != "" && !v.smsConfigured() {
		v.errorf(p, smsHint, "signing in with phone_number needs SMS configuration")
	}
}

func (v *validator) attributes() {
	a := v.c.UserPool.Attributes
	seen := map[string]bool{}
	for i, name := range a.Required {
		p := fmt.Sprintf("user_pool.attributes.required[%d]", i)
		if strings.HasPrefix(name, "custom:") {
			v.errorf(p, "remove it; check the value in a pre_sign_up trigger instead",
				"custom attribute %s cannot be required", name)
			continue
		}
		if !slices.Contains(StandardAttributes, name) {
			if _, ok := v.custom[name]; ok {
				v.errorf(p, "remove it; check the value in a pre_sign_up trigger instead",
					"custom attribute %s cannot be required", name)
			} else {
				v.errorf(p, "use one of "+strings.Join(StandardAttributes, ", "),
					"required attribute %q is not a standard attribute", name)
			}
			continue
		}
		if !unique(seen, name) {
			v.errorf(p, "remove the second "+name, "required lists %s twice", name)
		}
	}

	if len(a.Custom) > MaxCustomAttributes {
		v.errorf("user_pool.attributes.custom", "remove some; a pool can never hold more than 50",
			"a pool can have at most %d custom attributes, this file has %d", MaxCustomAttributes, len(a.Custom))
	}
	names := map[string]bool{}
	for i, ca := range a.Custom {
		p := fmt.Sprintf("user_pool.attributes.custom[%d]", i)
		if v.value(p+".name", "custom_attribute_name", ca.Name) && !unique(names, ca.Name) {
			v.errorf(p+".name", "rename or remove one of them", "custom attribute %s is declared twice", ca.Name)
		}
		v.oneOf(p+".type", ca.Type, CustomAttributeTypes, false)
		v.customConstraints(p, ca)
	}
}

// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_StringAttributeConstraintsType.html
func (v *validator) customConstraints(p string, ca CustomAttribute) {
	hasLen := ca.MinLength != nil || ca.MaxLength != nil
	hasVal := ca.MinValue != nil || ca.MaxValue != nil
	if hasLen && ca.Type != "String" {
		v.errorf(p+".min_length", "remove min_length/max_length, or set type: String",
			"min_length and max_length apply only to String attributes")
	}
	if hasVal && ca.Type != "Number" {
		v.errorf(p+".min_value", "remove min_value/max_value, or set type: Number",
			"min_value and max_value apply only to Number attributes")
	}
	if ca.Type == "String" {
		lo, hi := 0, MaxStringAttributeLength
		if ca.MinLength != nil {
			lo = *ca.MinLength
			if lo < 0 || lo > MaxStringAttributeLength {
				v.errorf(p+".min_length", "use 0 to 2048", "min_length %d is out of range", lo)
			}
		}
		if ca.MaxLength != nil {
			hi = *ca.MaxLength
			if hi < 0 || hi > MaxStringAttributeLength {
				v.errorf(p+".max_length", "use 0 to 2048", "max_length %d is out of range", hi)
			}
		}
		if lo > hi {
			v.errorf(p+".min_length", "make min_length at most max_length", "min_length %d is greater than max_length %d", lo, hi)
		}
	}
	if ca.Type == "Number" && ca.MinValue != nil && ca.MaxValue != nil && *ca.MinValue > *ca.MaxValue {
		v.errorf(p+".min_value", "make min_value at most max_value", "min_value %d is greater than max_value %d", *ca.MinValue, *ca.MaxValue)
	}
}

// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_PasswordPolicyType.html
func (v *validator) passwordPolicy() {
	pp := v.c.UserPool.PasswordPolicy
	if pp == nil {
		return
	}
	const p = "user_pool.password_policy"
	if pp.MinimumLength != nil && (*pp.MinimumLength < 6 || *pp.MinimumLength > 99) {
		v.errorf(p+".minimum_length", "choose from 6 to 99; 8 is Cognito's default", "minimum_length %d must be from 6 to 99", *pp.MinimumLength)
	}
	if d := pp.TemporaryPasswordValidityDays; d != nil && (*d < 0 || *d > 365) {
		v.errorf(p+".temporary_password_validity_days", "choose from 0 to 365 days; 7 is Cognito's default",
			"temporary_password_validity_days %d must be from 0 to 365", *d)
	}
	if h := pp.PasswordHistorySize; h != nil {
		if *h < 0 || *h > 24 {
			v.errorf(p+".password_history_size", "choose from 0 to 24", "password_history_size %d must be from 0 to 24", *h)
		} else if *h > 0 {
			v.needsPlan(p+".password_history_size", "password_history_size")
		}
	}
}

// MFA factors are set with SetUserPoolMfaConfig; SMS needs the pool's SNS role.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
func (v *validator) mfa() {
	m := v.c.UserPool.MFA
	if m == nil {
		return
	}
	const p = "user_pool.mfa"
	v.oneOf(p+".mode", m.Mode, MFAModes, false)
	v.set(p+".factors", m.Factors, MFAFactors)
	if m.Mode == MFAOff {
		if len(m.Factors) > 0 {
			v.warnf(p+".factors", "remove factors, or set mode: OPTIONAL", "factors are ignored while mode is OFF")
		}
	} else if m.Mode == MFAOn || m.Mode == MFAOptional {
		if len(m.Factors) == 0 {
			v.errorf(p+".factors", "add at least one of totp, sms, email (totp needs no extra setup)",
				"mode %s needs at least one factor", m.Mode)
		}
		if slices.Contains(m.Factors, FactorSMS) && !v.smsConfigured() {
			v.errorf(p+".factors", smsHint, "the sms factor needs SMS configuration")
		}
		if slices.Contains(m.Factors, FactorEmail) {
			// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-sms-email-message.html
			v.needsPlan(p+".factors", "the email factor")
			if es := v.c.UserPool.EmailSending; es == nil || es.Account != emailAccountDeveloper {
				v.errorf(p+".factors", "set user_pool.email_sending.account: DEVELOPER with an SES source_arn",
					"the email factor needs email sent through your own SES identity (account DEVELOPER)")
			}
		}
	}
	v.optional(p+".sms_message", "sms_message", m.SMSMessage)
}

func (v *validator) sms() {
	s := v.c.UserPool.SMS
	if s == nil {
		return
	}
	v.reference("user_pool.sms.sns_caller_arn", "iam_role_arn", s.SNSCallerARN)
	// AWS recommends an external ID so that only this pool can assume the
	// role, and Terraform's aws_cognito_user_pool requires one in
	// sms_configuration, so a file without it could not be exported.
	// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-sms-settings.html
	if s.ExternalID == "" {
		v.errorf("user_pool.sms.external_id", smsExternalIDHint, "sms needs external_id")
	}
}

// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerificationMessageTemplateType.html
func (v *validator) verification() {
	vf := v.c.UserPool.Verification
	if vf == nil {
		return
	}
	const p = "user_pool.verification"
	v.set(p+".auto_verified_attributes", vf.AutoVerifiedAttributes, AutoVerifiedAttributeValues)
	if v.autoVerified["phone_number"] && !v.smsConfigured() {
		v.errorf(p+".auto_verified_attributes", smsHint, "verifying phone_number needs SMS configuration")
	}
	if vf.KeepOriginalUntilVerified != nil && *vf.KeepOriginalUntilVerified && len(vf.AutoVerifiedAttributes) == 0 {
		v.errorf(p+".keep_original_until_verified", "add email or phone_number to auto_verified_attributes, or remove this setting",
			"keep_original_until_verified needs auto-verified attributes")
	}
	v.oneOf(p+".email_style", vf.EmailStyle, EmailStyles, true)
	// Custom templates with the default sender: the API reference says
	// they need DEVELOPER, yet Amplify and the CDK set them on COGNITO_DEFAULT
	// pools and Cognito accepts them, so cogwiz does not object.
	if vf.EmailStyle == EmailStyleLink {
		v.optional(p+".email_subject_by_link", "email_subject", vf.EmailSubjectByLink)
		v.optional(p+".email_message_by_link", "link_message", vf.EmailMessageByLink)
		for _, f := range [][2]string{{p + ".email_subject", vf.EmailSubject}, {p + ".email_message", vf.EmailMessage}} {
			if path := f[0]; f[1] != "" {
				v.warnf(path, "remove it, or set email_style: code", "%s is not used while email_style is link", path)
			}
		}
	} else {
		v.optional(p+".email_subject", "email_subject", vf.EmailSubject)
		v.optional(p+".email_message", "verification_message", vf.EmailMessage)
		for _, f := range [][2]string{{p + ".email_subject_by_link", vf.EmailSubjectByLink}, {p + ".email_message_by_link", vf.EmailMessageByLink}} {
			if path := f[0]; f[1] != "" {
				v.warnf(path, "remove it, or set email_style: link", "%s is not used while email_style is code", path)
			}
		}
	}
	v.optional(p+".sms_message", "sms_message", vf.SMSMessage)
}

// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AccountRecoverySettingType.html
func (v *validator) accountRecovery() {
	ar := v.c.UserPool.AccountRecovery
	const p = "user_pool.account_recovery"
	if len(ar) > 2 {
		v.errorf(p, "keep at most two, in priority order", "account_recovery can list at most 2 mechanisms")
	}
	v.set(p, ar, AccountRecoveryValues)
	if slices.Contains(ar, "admin_only") && len(ar) > 1 {
		v.errorf(p, "keep only admin_only, or remove it", "admin_only must be the only recovery mechanism")
	}
	if slices.Contains(ar, "verified_phone_number") && !v.smsConfigured() {
		v.warnf(p, smsHint, "recovery by verified_phone_number sends SMS, but no SMS configuration is set")
	}
	// Recovery codes only go to a verified address, and without
	// auto-verification users never get one.
	for i, m := range ar {
		if attr, ok := strings.CutPrefix(m, "verified_"); ok && slices.Contains(AutoVerifiedAttributeValues, attr) && !v.autoVerified[attr] {
			v.warnf(fmt.Sprintf("%s[%d]", p, i), "add "+attr+" to user_pool.verification.auto_verified_attributes",
				"recovery by %s needs %s to be verified, but it is not auto-verified", m, attr)
		}
	}
}

// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-email.html
func (v *validator) emailSending() {
	es := v.c.UserPool.EmailSending
	const p = "user_pool.email_sending"
	account := emailAccountDefault
	if es != nil {
		v.oneOf(p+".account", es.Account, EmailSendingAccounts, false)
		if es.Account != "" {
			account = es.Account
		}
		if es.Account == emailAccountDeveloper && es.SourceARN == "" {
			v.errorf(p+".source_arn", "add source_arn: the ARN of a verified SES identity, e.g. arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com",
				"account DEVELOPER needs source_arn")
		}
		v.optional(p+".source_arn", "ses_identity_arn", es.SourceARN)
		// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_EmailConfigurationType.html
		for _, f := range [][2]string{{"from", es.From}, {"reply_to", es.ReplyTo}} {
			if f[1] == "" {
				continue
			}
			if _, err := mail.ParseAddress(f[1]); err != nil {
				v.errorf(p+"."+f[0], `write an address like no-reply@example.com or "Example <no-reply@example.com>"`,
					"%s %q is not an email address", f[0], f[1])
			}
		}
		if n := utf8.RuneCountInString(es.ConfigurationSet); n > 64 {
			v.errorf(p+".configuration_set", "use the SES configuration set's name (at most 64 characters)",
				"configuration_set has %d characters, at most 64 are allowed", n)
		}
	}
	selfSignUp := v.c.UserPool.AdminCreateUser == nil || !v.c.UserPool.AdminCreateUser.AdminOnly
	if account == emailAccountDefault && selfSignUp && v.autoVerified["email"] {
		v.advise(p, "fine for development; for production set account: DEVELOPER with an SES source_arn",
			"Cognito's default email sender is capped at about 50 emails a day; beyond that, sign-up and reset codes are silently dropped")
	}
}

func (v *validator) adminCreateUser() {
	ac := v.c.UserPool.AdminCreateUser
	if ac == nil {
		return
	}
	const p = "user_pool.admin_create_user"
	v.optional(p+".invite_email_subject", "email_subject", ac.InviteEmailSubject)
	v.optional(p+".invite_email_message", "invite_email_message", ac.InviteEmailMessage)
	v.optional(p+".invite_sms_message", "invite_sms_message", ac.InviteSMSMessage)
}

// triggerFields lists the trigger ARNs by their cognito.yaml key.
func triggerFields(t *Triggers) [][2]string {
	return [][2]string{
		{"pre_sign_up", t.PreSignUp},
		{"custom_message", t.CustomMessage},
		{"post_confirmation", t.PostConfirmation},
		{"pre_authentication", t.PreAuthentication},
		{"post_authentication", t.PostAuthentication},
		{"define_auth_challenge", t.DefineAuthChallenge},
		{"create_auth_challenge", t.CreateAuthChallenge},
		{"verify_auth_challenge_response", t.VerifyAuthChallengeResponse},
		{"pre_token_generation", t.PreTokenGeneration},
		{"user_migration", t.UserMigration},
		{"custom_sms_sender", t.CustomSMSSender},
		{"custom_email_sender", t.CustomEmailSender},
	}
}

// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LambdaConfigType.html
func (v *validator) triggers() {
	t := v.c.UserPool.Triggers
	if t == nil {
		return
	}
	const p = "user_pool.triggers"
	v.set(p+".pending", t.Pending, TriggerKeys)
	for _, f := range triggerFields(t) {
		v.optional(p+"."+f[0], "lambda_arn", f[1])
	}
	v.optional(p+".kms_key_id", "kms_key_arn", t.KMSKeyID)
	if (t.CustomSMSSender != "" || t.CustomEmailSender != "") && t.KMSKeyID == "" {
		v.errorf(p+".kms_key_id", "add kms_key_id: the KMS key ARN Cognito encrypts codes with for your sender function",
			"custom_sms_sender and custom_email_sender need kms_key_id")
	}
	if t.PreTokenGenerationVersion != "" {
		v.oneOf(p+".pre_token_generation_version", t.PreTokenGenerationVersion, PreTokenGenerationVersions, false)
		if t.PreTokenGeneration == "" && !generatesTrigger(v.c, "pre_token_generation") {
			v.errorf(p+".pre_token_generation_version", "set pre_token_generation to the function's ARN, or remove the version",
				"pre_token_generation_version needs pre_token_generation")
		}
		if t.PreTokenGenerationVersion == "V2_0" || t.PreTokenGenerationVersion == "V3_0" {
			// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
			v.needsPlan(p+".pre_token_generation_version", "pre_token_generation_version "+t.PreTokenGenerationVersion)
		}
	}
}

// capabilityTriggers names the trigger keys each capability's function is wired to.
var capabilityTriggers = map[string][]string{
	CapRecaptcha:             {"define_auth_challenge", "create_auth_challenge", "verify_auth_challenge_response"},
	CapCustomAuthScaffolding: {"define_auth_challenge", "create_auth_challenge", "verify_auth_challenge_response"},
	CapEmailVerificationLink: {"custom_message"},
	CapAddUserToGroup:        {"post_confirmation"},
	CapEmailDomainDenylist:   {"pre_sign_up"},
	CapEmailDomainAllowlist:  {"pre_sign_up"},
	CapOverrideIDTokenClaims: {"pre_token_generation"},
}

// CapabilityTriggers returns the trigger keys a capability needs.
func CapabilityTriggers(capability string) []string {
	return slices.Clone(capabilityTriggers[capability])
}

func (v *validator) capabilities() {
	set := map[string]string{}
	if t := v.c.UserPool.Triggers; t != nil {
		for _, f := range triggerFields(t) {
			set[f[0]] = f[1]
		}
	}
	seen := map[string]bool{}
	for i, cp := range v.c.UserPool.Capabilities {
		p := fmt.Sprintf("user_pool.capabilities[%d]", i)
		if !v.oneOf(p+".type", cp.Type, CapabilityTypes, false) {
			continue
		}
		if !unique(seen, cp.Type) {
			v.errorf(p+".type", "remove the second one", "capability %s is listed twice", cp.Type)
		}
		switch cp.Type {
		case CapAddUserToGroup:
			if v.value(p+".group", "required", cp.Group) && !v.groups[cp.Group] {
				v.warnf(p+".group", "declare it under user_pool.groups so cogwiz creates it",
					"group %q is not declared under user_pool.groups", cp.Group)
			}
		case CapEmailDomainDenylist, CapEmailDomainAllowlist:
			if len(cp.Domains) == 0 {
				v.errorf(p+".domains", "list at least one domain, e.g. domains: [example.com]", "%s needs domains", cp.Type)
			}
			for j, d := range cp.Domains {
				if err := checkEmailDomain(d); err != nil {
					v.errorf(fmt.Sprintf("%s.domains[%d]", p, j), valueRules["email_domains"].hint, "domain %s", err)
				}
			}
		case CapEmailVerificationLink:
			v.value(p+".redirect_url", "redirect_url", cp.RedirectURL)
			v.optional(p+".email_subject", "email_subject", cp.EmailSubject)
		case CapRecaptcha:
			if cp.Secret == "" {
				v.errorf(p+".secret", `write secret: "${env:RECAPTCHA_SECRET}" and export RECAPTCHA_SECRET=...`,
					"recaptcha needs the reCAPTCHA secret key")
			}
			v.secret(p+".secret", "recaptcha", cp.Secret)
		}
		v.capabilityServedBy(p, cp, set)
	}
}

// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateGroup.html
func (v *validator) groupsRules() {
	seen := map[string]bool{}
	for i, g := range v.c.UserPool.Groups {
		p := fmt.Sprintf("user_pool.groups[%d]", i)
		if v.value(p+".name", "group_name", g.Name) && !unique(seen, g.Name) {
			v.errorf(p+".name", "rename or remove one of them", "group %s is declared twice", g.Name)
		}
		if g.Precedence != nil && *g.Precedence < 0 {
			v.errorf(p+".precedence", "use 0 or more; 0 wins over higher numbers", "precedence %d must not be negative", *g.Precedence)
		}
		if n := utf8.RuneCountInString(g.Description); n > 2048 {
			v.errorf(p+".description", "shorten it to 2048 characters", "description has %d characters, at most 2048 are allowed", n)
		}
		v.optional(p+".role_arn", "iam_role_arn", g.RoleARN)
	}
}

// reservedTagKey is the tag cogwiz puts on the pool to find it again.
const reservedTagKey = "cogwiz:resource-name"

// https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html#tag-conventions
func (v *validator) tags() {
	tags := v.c.UserPool.Tags
	const p = "user_pool.tags"
	if len(tags) > MaxTags {
		v.errorf(p, "remove some tags", "a pool can have at most %d tags, this file has %d", MaxTags, len(tags))
	}
	keys := make([]string, 0, len(tags))
	for k := range tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		kp := p + "." + k
		switch {
		case k == reservedTagKey:
			v.errorf(kp, "remove it; cogwiz sets this tag from resource_name", "tag %s is reserved", k)
		case strings.HasPrefix(strings.ToLower(k), "aws:"):
			v.errorf(kp, "rename the tag", "tag keys starting with aws: are reserved by AWS")
		case utf8.RuneCountInString(k) < 1 || utf8.RuneCountInString(k) > 128:
			v.errorf(kp, "use a key of 1–128 characters", "tag key must be 1–128 characters")
		}
		if n := utf8.RuneCountInString(tags[k]); n > 256 {
			v.errorf(kp, "shorten the value to 256 characters", "tag %s value has %d characters, at most 256 are allowed", k, n)
		}
	}
}
