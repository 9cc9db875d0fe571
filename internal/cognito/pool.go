package cognito

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cogwiz/cogwiz/internal/config"
)

// poolSettings holds every member UpdateUserPool takes. UpdateUserPool
// resets whatever it is not sent, so an update always starts from the live
// pool (read-modify-write) and overlays what cognito.yaml sets.
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-updating.html
type poolSettings struct {
	in cip.UpdateUserPoolInput
}

// poolSettingsFromLive copies the updatable members of a described pool,
// leaving out the read-only ones (Arn, CreationDate, Domain, SchemaAttributes,
// Status, ...) and the create-only ones (UsernameAttributes, AliasAttributes,
// UsernameConfiguration), which UpdateUserPool does not accept.
func poolSettingsFromLive(p *types.UserPoolType) *poolSettings {
	s := &poolSettings{in: cip.UpdateUserPoolInput{
		UserPoolId:                  p.Id,
		PoolName:                    p.Name,
		AccountRecoverySetting:      p.AccountRecoverySetting,
		AdminCreateUserConfig:       p.AdminCreateUserConfig,
		AutoVerifiedAttributes:      p.AutoVerifiedAttributes,
		DeletionProtection:          p.DeletionProtection,
		DeviceConfiguration:         p.DeviceConfiguration,
		EmailConfiguration:          p.EmailConfiguration,
		EmailVerificationMessage:    p.EmailVerificationMessage,
		EmailVerificationSubject:    p.EmailVerificationSubject,
		IssuerConfiguration:         p.IssuerConfiguration,
		KeyConfiguration:            p.KeyConfiguration,
		LambdaConfig:                p.LambdaConfig,
		MfaConfiguration:            p.MfaConfiguration,
		Policies:                    p.Policies,
		SmsAuthenticationMessage:    p.SmsAuthenticationMessage,
		SmsConfiguration:            p.SmsConfiguration,
		SmsVerificationMessage:      p.SmsVerificationMessage,
		UserAttributeUpdateSettings: p.UserAttributeUpdateSettings,
		UserPoolAddOns:              p.UserPoolAddOns,
		UserPoolTags:                maps.Clone(p.UserPoolTags),
		UserPoolTier:                p.UserPoolTier,
		VerificationMessageTemplate: p.VerificationMessageTemplate,
	}}
	if a := s.in.AdminCreateUserConfig; a != nil && a.UnusedAccountValidityDays != 0 {
		// Old pools carry UnusedAccountValidityDays; sending it back fails
		// with "Please use TemporaryPasswordValidityDays in PasswordPolicy
		// instead". Zero is left out of the request.
		// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUserConfigType.html
		c := *a
		c.UnusedAccountValidityDays = 0
		s.in.AdminCreateUserConfig = &c
	}
	if lc := s.in.LambdaConfig; lc != nil && lc.PreTokenGenerationConfig != nil && lc.PreTokenGeneration == nil {
		// The legacy PreTokenGeneration ARN must equal
		// PreTokenGenerationConfig.LambdaArn when both are set.
		// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LambdaConfigType.html
		c := *lc
		c.PreTokenGeneration = lc.PreTokenGenerationConfig.LambdaArn
		s.in.LambdaConfig = &c
	}
	return s
}

// Removals are the keys of sections the file writes empty ("remove it"),
// by config path (user_pool.triggers.pre_sign_up, oauth.logout_urls for a
// client): the plan lists them as changes to nothing. A key the file
// leaves out is not there, and keeps its live value.
type Removals map[string]bool

// set writes v to dst, or clears dst when path is to be removed; an empty
// v that is not to be removed leaves dst as it is.
func (r Removals) set(dst **string, v, path string) {
	switch {
	case v != "":
		*dst = aws.String(v)
	case r[path]:
		*dst = nil
	}
}

// list is set for a list.
func (r Removals) list(dst *[]string, v []string, path string) {
	switch {
	case len(v) > 0:
		*dst = v
	case r[path]:
		*dst = nil
	}
}

// overlay writes what cfg sets over s. Keys absent from the file keep the
// live value: apply never resets a setting it was not asked to change.
// Sections are laid over key by key, on a copy of the live section.
func (s *poolSettings) overlay(cfg *config.Config, tags map[string]string, rm Removals) {
	up := &cfg.UserPool
	in := &s.in
	if up.Name != "" {
		in.PoolName = aws.String(up.Name)
	}
	if pp := up.PasswordPolicy; pp != nil {
		pol := copyOf(in.Policies)
		old := pol.PasswordPolicy
		np := &types.PasswordPolicyType{
			RequireLowercase: pp.RequireLowercase,
			RequireUppercase: pp.RequireUppercase,
			RequireNumbers:   pp.RequireNumbers,
			RequireSymbols:   pp.RequireSymbols,
		}
		if old != nil {
			np.MinimumLength = old.MinimumLength
			np.TemporaryPasswordValidityDays = old.TemporaryPasswordValidityDays
			np.PasswordHistorySize = old.PasswordHistorySize
		}
		if pp.MinimumLength != nil {
			np.MinimumLength = aws.Int32(int32(*pp.MinimumLength))
		}
		if pp.TemporaryPasswordValidityDays != nil {
			np.TemporaryPasswordValidityDays = int32(*pp.TemporaryPasswordValidityDays)
		}
		if pp.PasswordHistorySize != nil {
			np.PasswordHistorySize = aws.Int32(int32(*pp.PasswordHistorySize))
		}
		pol.PasswordPolicy = np
		in.Policies = pol
	}
	if m := up.MFA; m != nil && m.SMSMessage != "" {
		in.SmsAuthenticationMessage = aws.String(m.SMSMessage)
	}
	if sms := up.SMS; sms != nil {
		c := copyOf(in.SmsConfiguration)
		c.SnsCallerArn = aws.String(sms.SNSCallerARN)
		rm.set(&c.ExternalId, sms.ExternalID, "user_pool.sms.external_id")
		rm.set(&c.SnsRegion, sms.SNSRegion, "user_pool.sms.sns_region")
		in.SmsConfiguration = c
	}
	if v := up.Verification; v != nil {
		in.AutoVerifiedAttributes = make([]types.VerifiedAttributeType, 0, len(v.AutoVerifiedAttributes))
		for _, a := range v.AutoVerifiedAttributes {
			in.AutoVerifiedAttributes = append(in.AutoVerifiedAttributes, types.VerifiedAttributeType(a))
		}
		if v.KeepOriginalUntilVerified != nil {
			// An empty (not nil) list is what turns this setting off; a nil
			// UserAttributeUpdateSettings changes nothing.
			// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-email-phone-verification.html
			list := []types.VerifiedAttributeType{}
			if *v.KeepOriginalUntilVerified {
				list = append(list, in.AutoVerifiedAttributes...)
			}
			in.UserAttributeUpdateSettings = &types.UserAttributeUpdateSettingsType{AttributesRequireVerificationBeforeUpdate: list}
		}
		t := copyOf(in.VerificationMessageTemplate)
		switch v.EmailStyle {
		case config.EmailStyleCode:
			t.DefaultEmailOption = types.DefaultEmailOptionTypeConfirmWithCode
		case config.EmailStyleLink:
			t.DefaultEmailOption = types.DefaultEmailOptionTypeConfirmWithLink
		}
		const pre = "user_pool.verification."
		rm.set(&t.EmailSubject, v.EmailSubject, pre+"email_subject")
		rm.set(&t.EmailMessage, v.EmailMessage, pre+"email_message")
		rm.set(&t.EmailSubjectByLink, v.EmailSubjectByLink, pre+"email_subject_by_link")
		rm.set(&t.EmailMessageByLink, v.EmailMessageByLink, pre+"email_message_by_link")
		rm.set(&t.SmsMessage, v.SMSMessage, pre+"sms_message")
		in.VerificationMessageTemplate = t
		// The legacy members duplicate the template; keep them equal so the
		// two never disagree.
		// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPool.html
		in.EmailVerificationSubject = t.EmailSubject
		in.EmailVerificationMessage = t.EmailMessage
		in.SmsVerificationMessage = t.SmsMessage
	}
	if len(up.AccountRecovery) > 0 {
		ar := &types.AccountRecoverySettingType{}
		for i, name := range up.AccountRecovery {
			ar.RecoveryMechanisms = append(ar.RecoveryMechanisms, types.RecoveryOptionType{Name: types.RecoveryOptionNameType(name), Priority: aws.Int32(int32(i + 1))})
		}
		in.AccountRecoverySetting = ar
	}
	if e := up.EmailSending; e != nil {
		c := copyOf(in.EmailConfiguration)
		const pre = "user_pool.email_sending."
		c.EmailSendingAccount = types.EmailSendingAccountType(e.Account)
		rm.set(&c.SourceArn, e.SourceARN, pre+"source_arn")
		rm.set(&c.From, e.From, pre+"from")
		rm.set(&c.ReplyToEmailAddress, e.ReplyTo, pre+"reply_to")
		rm.set(&c.ConfigurationSet, e.ConfigurationSet, pre+"configuration_set")
		in.EmailConfiguration = c
	}
	if a := up.AdminCreateUser; a != nil {
		c := copyOf(in.AdminCreateUserConfig)
		c.AllowAdminCreateUserOnly = a.AdminOnly
		if c.InviteMessageTemplate != nil || a.InviteEmailSubject != "" || a.InviteEmailMessage != "" || a.InviteSMSMessage != "" {
			t := copyOf(c.InviteMessageTemplate)
			const pre = "user_pool.admin_create_user."
			rm.set(&t.EmailSubject, a.InviteEmailSubject, pre+"invite_email_subject")
			rm.set(&t.EmailMessage, a.InviteEmailMessage, pre+"invite_email_message")
			rm.set(&t.SMSMessage, a.InviteSMSMessage, pre+"invite_sms_message")
			c.InviteMessageTemplate = t
		}
		in.AdminCreateUserConfig = c
	}
	if up.FeaturePlan != "" {
		in.UserPoolTier = types.UserPoolTierType(up.FeaturePlan)
	}
	if up.DeletionProtection != nil {
		in.DeletionProtection = types.DeletionProtectionTypeInactive
		if *up.DeletionProtection {
			in.DeletionProtection = types.DeletionProtectionTypeActive
		}
	}
	if up.Triggers != nil {
		in.LambdaConfig = overlayTriggers(in.LambdaConfig, up.Triggers, rm)
	}
	// UserPoolTags is a full replace too: send the user's tags (the file's,
	// or the live ones when the file has no tags key) and cogwiz's own.
	t := map[string]string{}
	user := in.UserPoolTags
	if up.Tags != nil {
		user = up.Tags
	}
	for k, v := range user {
		if !isOwnTag(k) {
			t[k] = v
		}
	}
	maps.Copy(t, tags)
	in.UserPoolTags = t
}

// copyOf is a shallow copy of *p, or a new zero T when p is nil: a
// section is laid over a copy of the live one, which stays as it was read.
func copyOf[T any](p *T) *T {
	c := new(T)
	if p != nil {
		*c = *p
	}
	return c
}

func strPtr(v string) *string {
	if v == "" {
		return nil
	}
	return aws.String(v)
}

func expandSMS(s *config.SMS) *types.SmsConfigurationType {
	return &types.SmsConfigurationType{SnsCallerArn: aws.String(s.SNSCallerARN), ExternalId: strPtr(s.ExternalID), SnsRegion: strPtr(s.SNSRegion)}
}

// overlayTriggers lays the file's triggers over the live LambdaConfig,
// trigger by trigger: a trigger the file leaves out stays as it is.
func overlayTriggers(live *types.LambdaConfigType, t *config.Triggers, rm Removals) *types.LambdaConfigType {
	lc := copyOf(live)
	const pre = "user_pool.triggers."
	rm.set(&lc.PreSignUp, t.PreSignUp, pre+"pre_sign_up")
	rm.set(&lc.CustomMessage, t.CustomMessage, pre+"custom_message")
	rm.set(&lc.PostConfirmation, t.PostConfirmation, pre+"post_confirmation")
	rm.set(&lc.PreAuthentication, t.PreAuthentication, pre+"pre_authentication")
	rm.set(&lc.PostAuthentication, t.PostAuthentication, pre+"post_authentication")
	rm.set(&lc.DefineAuthChallenge, t.DefineAuthChallenge, pre+"define_auth_challenge")
	rm.set(&lc.CreateAuthChallenge, t.CreateAuthChallenge, pre+"create_auth_challenge")
	rm.set(&lc.VerifyAuthChallengeResponse, t.VerifyAuthChallengeResponse, pre+"verify_auth_challenge_response")
	rm.set(&lc.UserMigration, t.UserMigration, pre+"user_migration")
	rm.set(&lc.KMSKeyID, t.KMSKeyID, pre+"kms_key_id")
	switch {
	case t.PreTokenGeneration != "":
		// Both members carry the same ARN. A file that names the function
		// but not its event version leaves the version as it is (Cognito
		// reports V1_0 for a function set by ARN alone): sending the ARN
		// alone would turn a V2_0 trigger back into V1_0.
		// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LambdaConfigType.html
		// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
		version := types.PreTokenGenerationLambdaVersionType(t.PreTokenGenerationVersion)
		if version == "" && lc.PreTokenGenerationConfig != nil {
			version = lc.PreTokenGenerationConfig.LambdaVersion
		}
		lc.PreTokenGeneration = aws.String(t.PreTokenGeneration)
		lc.PreTokenGenerationConfig = nil
		if version != "" {
			lc.PreTokenGenerationConfig = &types.PreTokenGenerationVersionConfigType{LambdaArn: aws.String(t.PreTokenGeneration), LambdaVersion: version}
		}
	case rm[pre+"pre_token_generation"]:
		lc.PreTokenGeneration, lc.PreTokenGenerationConfig = nil, nil
	}
	switch {
	case t.CustomSMSSender != "":
		lc.CustomSMSSender = &types.CustomSMSLambdaVersionConfigType{LambdaArn: aws.String(t.CustomSMSSender), LambdaVersion: types.CustomSMSSenderLambdaVersionTypeV10}
	case rm[pre+"custom_sms_sender"]:
		lc.CustomSMSSender = nil
	}
	switch {
	case t.CustomEmailSender != "":
		lc.CustomEmailSender = &types.CustomEmailLambdaVersionConfigType{LambdaArn: aws.String(t.CustomEmailSender), LambdaVersion: types.CustomEmailSenderLambdaVersionTypeV10}
	case rm[pre+"custom_email_sender"]:
		lc.CustomEmailSender = nil
	}
	return lc
}

// ExpandCreateUserPool builds the CreateUserPool request for cfg. The
// resource-name tag is set here, at creation, so an apply cut off right
// after this call finds the same pool when run again.
func ExpandCreateUserPool(cfg *config.Config, tags map[string]string) *cip.CreateUserPoolInput {
	s := &poolSettings{in: cip.UpdateUserPoolInput{
		// Cognito's own recommendation; the API default is OFF as well but
		// saying it keeps the request self-describing.
		MfaConfiguration: types.UserPoolMfaTypeOff,
	}}
	if cfg.UserPool.DeletionProtection == nil {
		s.in.DeletionProtection = types.DeletionProtectionTypeInactive
	}
	s.overlay(cfg, tags, nil)
	u := s.in
	in := &cip.CreateUserPoolInput{
		PoolName:                 u.PoolName,
		AccountRecoverySetting:   u.AccountRecoverySetting,
		AdminCreateUserConfig:    u.AdminCreateUserConfig,
		AutoVerifiedAttributes:   u.AutoVerifiedAttributes,
		DeletionProtection:       u.DeletionProtection,
		EmailConfiguration:       u.EmailConfiguration,
		EmailVerificationMessage: u.EmailVerificationMessage,
		EmailVerificationSubject: u.EmailVerificationSubject,
		LambdaConfig:             u.LambdaConfig,
		// MFA other than SMS can only be set after the pool exists, and
		// ON/OPTIONAL here demands SmsConfiguration; apply calls
		// SetUserPoolMfaConfig right after.
		// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html
		MfaConfiguration:            types.UserPoolMfaTypeOff,
		Policies:                    u.Policies,
		SmsAuthenticationMessage:    u.SmsAuthenticationMessage,
		SmsConfiguration:            u.SmsConfiguration,
		SmsVerificationMessage:      u.SmsVerificationMessage,
		UserAttributeUpdateSettings: u.UserAttributeUpdateSettings,
		UserPoolTags:                u.UserPoolTags,
		UserPoolTier:                u.UserPoolTier,
		VerificationMessageTemplate: u.VerificationMessageTemplate,
		Schema:                      expandSchema(cfg.UserPool.Attributes),
	}
	si := cfg.UserPool.SignIn
	for _, a := range si.UsernameAttributes {
		in.UsernameAttributes = append(in.UsernameAttributes, types.UsernameAttributeType(a))
	}
	for _, a := range si.AliasAttributes {
		in.AliasAttributes = append(in.AliasAttributes, types.AliasAttributeType(a))
	}
	// The API default is case-sensitive, the opposite of AWS's advice, so
	// cogwiz always says which one it wants.
	// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-case-sensitivity.html
	cs := false
	if si.CaseSensitive != nil {
		cs = *si.CaseSensitive
	}
	in.UsernameConfiguration = &types.UsernameConfigurationType{CaseSensitive: aws.Bool(cs)}
	return in
}

func expandSchema(a config.Attributes) []types.SchemaAttributeType {
	var out []types.SchemaAttributeType
	for _, name := range a.Required {
		out = append(out, types.SchemaAttributeType{Name: aws.String(name), Required: aws.Bool(true), Mutable: aws.Bool(true), AttributeDataType: standardType(name)})
	}
	out = append(out, ExpandCustomAttributes(a.Custom)...)
	return out
}

// ExpandCustomAttributes builds schema entries for custom attributes; the
// name goes without its custom: prefix, which Cognito adds.
func ExpandCustomAttributes(list []config.CustomAttribute) []types.SchemaAttributeType {
	var out []types.SchemaAttributeType
	for _, c := range list {
		c = NormalizeCustomAttribute(c)
		s := types.SchemaAttributeType{
			Name:              aws.String(c.Name),
			AttributeDataType: types.AttributeDataType(c.Type),
			Mutable:           aws.Bool(*c.Mutable),
			Required:          aws.Bool(false),
		}
		switch c.Type {
		case "String":
			s.StringAttributeConstraints = &types.StringAttributeConstraintsType{MinLength: itoaPtr(c.MinLength), MaxLength: itoaPtr(c.MaxLength)}
		case "Number":
			if c.MinValue != nil || c.MaxValue != nil {
				s.NumberAttributeConstraints = &types.NumberAttributeConstraintsType{MinValue: itoaPtr(c.MinValue), MaxValue: itoaPtr(c.MaxValue)}
			}
		}
		out = append(out, s)
	}
	return out
}

// NormalizeCustomAttribute fills in what Cognito fills in, so that a
// custom attribute read back compares equal to the one written: mutable
// unless said otherwise, and String length 0..2048.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html
func NormalizeCustomAttribute(c config.CustomAttribute) config.CustomAttribute {
	c.Name = strings.TrimPrefix(c.Name, "custom:")
	if c.Mutable == nil {
		c.Mutable = config.Bool(true)
	}
	if c.Type == "" {
		c.Type = "String"
	}
	if c.Type == "String" {
		if c.MinLength == nil {
			c.MinLength = config.Int(0)
		}
		if c.MaxLength == nil {
			c.MaxLength = config.Int(2048)
		}
	}
	return c
}

func itoaPtr(p *int) *string {
	if p == nil {
		return nil
	}
	return aws.String(strconv.Itoa(*p))
}

func standardType(name string) types.AttributeDataType {
	switch name {
	case "email_verified", "phone_number_verified":
		return types.AttributeDataTypeBoolean
	case "updated_at":
		return types.AttributeDataTypeNumber
	}
	return types.AttributeDataTypeString
}

// CreatePool creates the pool and returns it. MFA factors are set
// afterwards with SetPoolMFA.
func CreatePool(ctx context.Context, api API, cfg *config.Config, tags map[string]string) (*PoolSummary, error) {
	out, err := api.CreateUserPool(ctx, ExpandCreateUserPool(cfg, tags), sendOnce)
	if err != nil {
		return nil, fmt.Errorf("creating user pool %s: %w", cfg.UserPool.Name, err)
	}
	return summarise(out.UserPool), nil
}

// UpdatePool changes the pool in place by read-modify-write: describe, copy
// every updatable member, overlay cfg (and remove what rm names), send the
// whole request. It never sends Schema.
func UpdatePool(ctx context.Context, api API, poolID string, cfg *config.Config, tags map[string]string, rm Removals) error {
	in, err := ExpandUpdateUserPool(ctx, api, poolID, cfg, tags, rm)
	if err != nil {
		return err
	}
	if _, err := api.UpdateUserPool(ctx, in); err != nil {
		return fmt.Errorf("updating user pool %s: %w", poolID, err)
	}
	return nil
}

// ExpandUpdateUserPool builds the full UpdateUserPool request from the
// live pool with cfg laid over it.
func ExpandUpdateUserPool(ctx context.Context, api API, poolID string, cfg *config.Config, tags map[string]string, rm Removals) (*cip.UpdateUserPoolInput, error) {
	out, err := api.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String(poolID)})
	if err != nil {
		return nil, fmt.Errorf("reading user pool %s: %w", poolID, err)
	}
	s := poolSettingsFromLive(out.UserPool)
	s.overlay(cfg, tags, rm)
	return &s.in, nil
}

// SetPoolMFA sets the MFA mode and factors. SMS settings go along only
// when MFA is not OFF: Cognito refuses to "turn off MFA and configure an
// MFA together".
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html
func SetPoolMFA(ctx context.Context, api API, poolID string, up *config.UserPool) error {
	in := ExpandSetUserPoolMfaConfig(poolID, up)
	live, err := api.GetUserPoolMfaConfig(ctx, &cip.GetUserPoolMfaConfigInput{UserPoolId: aws.String(poolID)})
	if err != nil {
		return fmt.Errorf("reading MFA settings of user pool %s: %w", poolID, err)
	}
	keepLiveMFA(in, live)
	if _, err := api.SetUserPoolMfaConfig(ctx, in); err != nil {
		return fmt.Errorf("setting MFA of user pool %s: %w", poolID, err)
	}
	return nil
}

// keepLiveMFA carries over what SetUserPoolMfaConfig would otherwise
// reset because the file leaves it out or has no key for it: the SMS MFA
// message and SMS role of a factor that stays on, and the email MFA
// message and subject. SetUserPoolMfaConfig replaces each factor's whole
// configuration with what it is sent.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html
func keepLiveMFA(in *cip.SetUserPoolMfaConfigInput, live *cip.GetUserPoolMfaConfigOutput) {
	if s, l := in.SmsMfaConfiguration, live.SmsMfaConfiguration; s != nil && l != nil {
		if s.SmsAuthenticationMessage == nil {
			s.SmsAuthenticationMessage = l.SmsAuthenticationMessage
		}
		switch sc, lc := s.SmsConfiguration, l.SmsConfiguration; {
		case sc == nil:
			s.SmsConfiguration = lc
		case lc != nil:
			// The SMS role's keys the file leaves out (sns_region,
			// external_id) keep their live values here too.
			if sc.ExternalId == nil {
				sc.ExternalId = lc.ExternalId
			}
			if sc.SnsRegion == nil {
				sc.SnsRegion = lc.SnsRegion
			}
		}
	}
	if in.EmailMfaConfiguration != nil && live.EmailMfaConfiguration != nil {
		c := *live.EmailMfaConfiguration
		in.EmailMfaConfiguration = &c
	}
}

// AddCustomAttributes adds new custom attributes, at most 25 per call.
// When a call fails because an attribute exists already, or without a
// clear answer, the pool is read: attributes that are all there now mean
// the work is done (an earlier attempt made them), not a mistake in the file.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AddCustomAttributes.html
func AddCustomAttributes(ctx context.Context, api API, poolID string, attrs []config.CustomAttribute) error {
	all := ExpandCustomAttributes(attrs)
	for len(all) > 0 {
		n := min(25, len(all))
		if _, err := api.AddCustomAttributes(ctx, &cip.AddCustomAttributesInput{UserPoolId: aws.String(poolID), CustomAttributes: all[:n]}, sendOnce); err != nil {
			var ipe *types.InvalidParameterException
			if errors.As(err, &ipe) || IsAmbiguous(err) {
				if ok, rerr := customAttributesPresent(ctx, api, poolID, all[:n]); rerr == nil && ok {
					all = all[n:]
					continue
				}
			}
			return fmt.Errorf("adding custom attributes to user pool %s: %w", poolID, err)
		}
		all = all[n:]
	}
	return nil
}

// customAttributesPresent reports whether the pool has every attribute in
// list (by name; whether they match the file is the plan's business).
func customAttributesPresent(ctx context.Context, api API, poolID string, list []types.SchemaAttributeType) (bool, error) {
	out, err := api.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String(poolID)})
	if err != nil {
		return false, err
	}
	have := map[string]bool{}
	for _, a := range out.UserPool.SchemaAttributes {
		have[aws.ToString(a.Name)] = true
	}
	for _, a := range list {
		if !have["custom:"+aws.ToString(a.Name)] {
			return false, nil
		}
	}
	return true, nil
}

func has(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
