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

// overlay writes what cfg sets over s. Keys absent from the file keep the
// live value: apply never resets a setting it was not asked to change.
func (s *poolSettings) overlay(cfg *config.Config, tags map[string]string) {
	up := &cfg.UserPool
	in := &s.in
	if up.Name != "" {
		in.PoolName = aws.String(up.Name)
	}
	if pp := up.PasswordPolicy; pp != nil {
		pol := &types.UserPoolPolicyType{}
		if in.Policies != nil {
			c := *in.Policies
			pol = &c
		}
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
		in.SmsConfiguration = expandSMS(sms)
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
		t := &types.VerificationMessageTemplateType{}
		if in.VerificationMessageTemplate != nil {
			c := *in.VerificationMessageTemplate
			t = &c
		}
		switch v.EmailStyle {
		case config.EmailStyleCode:
			t.DefaultEmailOption = types.DefaultEmailOptionTypeConfirmWithCode
		case config.EmailStyleLink:
			t.DefaultEmailOption = types.DefaultEmailOptionTypeConfirmWithLink
		}
		setStr(&t.EmailSubject, v.EmailSubject)
		setStr(&t.EmailMessage, v.EmailMessage)
		setStr(&t.EmailSubjectByLink, v.EmailSubjectByLink)
		setStr(&t.EmailMessageByLink, v.EmailMessageByLink)
		setStr(&t.SmsMessage, v.SMSMessage)
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
		in.EmailConfiguration = &types.EmailConfigurationType{
			EmailSendingAccount: types.EmailSendingAccountType(e.Account),
			SourceArn:           strPtr(e.SourceARN),
			From:                strPtr(e.From),
			ReplyToEmailAddress: strPtr(e.ReplyTo),
			ConfigurationSet:    strPtr(e.ConfigurationSet),
		}
	}
	if a := up.AdminCreateUser; a != nil {
		c := &types.AdminCreateUserConfigType{}
		if in.AdminCreateUserConfig != nil {
			cc := *in.AdminCreateUserConfig
			c = &cc
		}
		c.AllowAdminCreateUserOnly = a.AdminOnly
		if a.InviteEmailSubject != "" || a.InviteEmailMessage != "" || a.InviteSMSMessage != "" {
			t := &types.MessageTemplateType{}
			if c.InviteMessageTemplate != nil {
				tt := *c.InviteMessageTemplate
				t = &tt
			}
			setStr(&t.EmailSubject, a.InviteEmailSubject)
			setStr(&t.EmailMessage, a.InviteEmailMessage)
			setStr(&t.SMSMessage, a.InviteSMSMessage)
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
		live := in.LambdaConfig
		in.LambdaConfig = expandTriggers(up.Triggers)
		// A file that names the pre token generation function but not its
		// event version leaves the version as it is (Cognito reports V1_0
		// for a function set by ARN alone): sending the ARN alone would
		// turn a V2_0 trigger back into V1_0.
		// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
		lc := in.LambdaConfig
		if lc.PreTokenGeneration != nil && lc.PreTokenGenerationConfig == nil && live != nil && live.PreTokenGenerationConfig != nil && live.PreTokenGenerationConfig.LambdaVersion != "" {
			lc.PreTokenGenerationConfig = &types.PreTokenGenerationVersionConfigType{LambdaArn: lc.PreTokenGeneration, LambdaVersion: live.PreTokenGenerationConfig.LambdaVersion}
		}
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

func setStr(dst **string, v string) {
	if v != "" {
		*dst = aws.String(v)
	}
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

func expandTriggers(t *config.Triggers) *types.LambdaConfigType {
	lc := &types.LambdaConfigType{
		PreSignUp:                   strPtr(t.PreSignUp),
		CustomMessage:               strPtr(t.CustomMessage),
		PostConfirmation:            strPtr(t.PostConfirmation),
		PreAuthentication:           strPtr(t.PreAuthentication),
		PostAuthentication:          strPtr(t.PostAuthentication),
		DefineAuthChallenge:         strPtr(t.DefineAuthChallenge),
		CreateAuthChallenge:         strPtr(t.CreateAuthChallenge),
		VerifyAuthChallengeResponse: strPtr(t.VerifyAuthChallengeResponse),
		UserMigration:               strPtr(t.UserMigration),
		KMSKeyID:                    strPtr(t.KMSKeyID),
	}
	if t.PreTokenGeneration != "" {
		// Both members carry the same ARN.
		// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LambdaConfigType.html
		lc.PreTokenGeneration = aws.String(t.PreTokenGeneration)
		if t.PreTokenGenerationVersion != "" {
			lc.PreTokenGenerationConfig = &types.PreTokenGenerationVersionConfigType{LambdaArn: aws.String(t.PreTokenGeneration), LambdaVersion: types.PreTokenGenerationLambdaVersionType(t.PreTokenGenerationVersion)}
		}
	}
	if t.CustomSMSSender != "" {
		lc.CustomSMSSender = &types.CustomSMSLambdaVersionConfigType{LambdaArn: aws.String(t.CustomSMSSender), LambdaVersion: types.CustomSMSSenderLambdaVersionTypeV10}
	}
	if t.CustomEmailSender != "" {
		lc.CustomEmailSender = &types.CustomEmailLambdaVersionConfigType{LambdaArn: aws.String(t.CustomEmailSender), LambdaVersion: types.CustomEmailSenderLambdaVersionTypeV10}
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
	s.overlay(cfg, tags)
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
// every updatable member, overlay cfg, send the whole request. It never
// sends Schema.
func UpdatePool(ctx context.Context, api API, poolID string, cfg *config.Config, tags map[string]string) error {
	in, err := ExpandUpdateUserPool(ctx, api, poolID, cfg, tags)
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
func ExpandUpdateUserPool(ctx context.Context, api API, poolID string, cfg *config.Config, tags map[string]string) (*cip.UpdateUserPoolInput, error) {
	out, err := api.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String(poolID)})
	if err != nil {
		return nil, fmt.Errorf("reading user pool %s: %w", poolID, err)
	}
	s := poolSettingsFromLive(out.UserPool)
	s.overlay(cfg, tags)
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
		if s.SmsConfiguration == nil {
			s.SmsConfiguration = l.SmsConfiguration
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
