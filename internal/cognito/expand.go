package cognito

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cogwiz/cogwiz/internal/config"
)

// The Expand* requests below are the same ones apply sends; the exporters
// render them as CloudFormation, Terraform and AWS CLI calls, so that an
// export and an apply of one file always mean the same pool.

// ExpandCreateGroup builds the CreateGroup request.
func ExpandCreateGroup(poolID string, g *config.Group) *cip.CreateGroupInput {
	return &cip.CreateGroupInput{
		UserPoolId: aws.String(poolID), GroupName: aws.String(g.Name),
		Description: strPtr(g.Description), Precedence: int32Ptr(g.Precedence), RoleArn: strPtr(g.RoleARN),
	}
}

// ExpandCreateUserPoolDomain builds the CreateUserPoolDomain request.
func ExpandCreateUserPoolDomain(poolID string, d *config.Domain) *cip.CreateUserPoolDomainInput {
	in := &cip.CreateUserPoolDomainInput{UserPoolId: aws.String(poolID), Domain: aws.String(DomainName(d)), ManagedLoginVersion: int32Ptr(d.ManagedLoginVersion)}
	if d.CertificateARN != "" {
		in.CustomDomainConfig = &types.CustomDomainConfigType{CertificateArn: aws.String(d.CertificateARN)}
	}
	return in
}

// ExpandCreateIdentityProvider builds the CreateIdentityProvider request;
// secrets turns each ${env:NAME} reference into what the request carries.
func ExpandCreateIdentityProvider(poolID string, p *config.IdentityProvider, secrets Secrets) (*cip.CreateIdentityProviderInput, error) {
	d, err := expandProviderDetails(p, secrets)
	if err != nil {
		return nil, err
	}
	return &cip.CreateIdentityProviderInput{
		UserPoolId: aws.String(poolID), ProviderName: aws.String(p.ProviderName()), ProviderType: types.IdentityProviderTypeType(p.Type),
		ProviderDetails: d, AttributeMapping: p.AttributeMapping, IdpIdentifiers: p.Identifiers,
	}, nil
}

// ExpandCreateResourceServer builds the CreateResourceServer request.
func ExpandCreateResourceServer(poolID string, rs *config.ResourceServer) *cip.CreateResourceServerInput {
	return &cip.CreateResourceServerInput{UserPoolId: aws.String(poolID), Identifier: aws.String(rs.Identifier), Name: aws.String(rs.Name), Scopes: expandScopes(rs.Scopes)}
}

// ExpandSetUserPoolMfaConfig builds the SetUserPoolMfaConfig request that
// follows CreateUserPool (which can only configure SMS MFA).
func ExpandSetUserPoolMfaConfig(poolID string, up *config.UserPool) *cip.SetUserPoolMfaConfigInput {
	m := up.MFA
	if m == nil {
		m = &config.MFA{Mode: config.MFAOff}
	}
	in := &cip.SetUserPoolMfaConfigInput{UserPoolId: aws.String(poolID), MfaConfiguration: types.UserPoolMfaType(m.Mode)}
	if m.Mode != config.MFAOff {
		in.SoftwareTokenMfaConfiguration = &types.SoftwareTokenMfaConfigType{Enabled: has(m.Factors, config.FactorTOTP)}
		if has(m.Factors, config.FactorSMS) {
			sms := &types.SmsMfaConfigType{SmsAuthenticationMessage: strPtr(m.SMSMessage)}
			if up.SMS != nil {
				sms.SmsConfiguration = expandSMS(up.SMS)
			}
			in.SmsMfaConfiguration = sms
		}
		if has(m.Factors, config.FactorEmail) {
			in.EmailMfaConfiguration = &types.EmailMfaConfigType{}
		}
	}
	return in
}
