package amplify

import (
	"fmt"
	"strings"

	"github.com/cogwiz/cogwiz/internal/config"
)

// snsRoleRef is the variable an SMS role reference reads when the import
// cannot name Amplify's role.
const snsRoleRef = "SNS_CALLER_ARN"

// configureSMS mirrors configureSmsOption
// (packages/amplify-category-auth/src/provider-utils/awscloudformation/utils/configure-sms.ts):
// Amplify sets SMS up when phone numbers are auto-verified, SMS MFA is on,
// phone_number is a required attribute, or usernameAttributes holds the
// element "phone_number". That last test is an exact match on the stored
// list, so the interactive "Email or Phone Number" answer, stored as the
// one element "email, phone_number", does not count. Legacy templates
// (auth-template.yml.ejs) had the same rule without the usernameAttributes
// test.
func (im *importer) configureSMS() bool {
	in := im.in
	if contains(in.list("autoVerifiedAttributes"), "phone_number") || contains(in.list("requiredAttributes"), "phone_number") {
		return true
	}
	mode := strings.ToUpper(in.str("mfaConfiguration"))
	if mode != "" && mode != config.MFAOff && contains(in.list("mfaTypes"), "SMS Text Message") {
		return true
	}
	return !im.legacy && contains(in.rawList("usernameAttributes"), "phone_number")
}

// smsDeployed reports whether Amplify gives the pool an SmsConfiguration
// (and its SNSRole): in the generator (auth-cognito-stack-builder.ts) and
// the legacy templates alike when `!useEnabledMfas || configureSMS`, so
// also for every pool of a project without the useEnabledMfas flag. A
// committed legacy template decides by what it holds.
func (im *importer) smsDeployed() bool {
	if im.tmpl != nil {
		return im.tmpl.SMSConfig
	}
	return !im.useEnabledMfas() || im.configureSMS()
}

// useEnabledMfas is the auth.useEnabledMfas feature flag the pool is
// deployed with. The generator reads the project's flag, not the copy in
// cli-inputs.json (auth-stack-transform.ts generateStackProps:
// FeatureFlags.getBoolean('auth.useenabledmfas')), and a flag amplify/cli.json
// does not set takes its default for existing projects, false
// (packages/amplify-cli-core/src/feature-flags/featureFlags.ts). Legacy
// templates were rendered with the value stored next to them.
func (im *importer) useEnabledMfas() bool {
	stored, _ := im.in.boolean("useEnabledMfas")
	if im.legacy || im.res.Root == "" {
		return stored
	}
	return im.flags.auth("useenabledmfas")
}

// needsSMS reports whether cognito.yaml's rules ask for an SMS role: users
// sign in with or verify phone_number, or SMS is an MFA factor.
func (im *importer) needsSMS() bool {
	up := &im.c.UserPool
	if contains(up.SignIn.UsernameAttributes, "phone_number") || contains(up.SignIn.AliasAttributes, "phone_number") {
		return true
	}
	if up.Verification != nil && contains(up.Verification.AutoVerifiedAttributes, "phone_number") {
		return true
	}
	return up.MFA != nil && up.MFA.Mode != config.MFAOff && contains(up.MFA.Factors, config.FactorSMS)
}

// sms carries Amplify's SMS role over. Amplify creates the role itself, so
// its ARN is not in the project, but its name is deterministic: the
// generator names it sns<sharedId><part 3 of the auth stack's name>-<env>
// (auth-cognito-stack-builder.ts, SNSRole), and a legacy template names
// it as its RoleName says. The account comes from team-provider-info.json.
func (im *importer) sms() {
	deployed, needed := im.smsDeployed(), im.needsSMS()
	if !deployed && !needed {
		return
	}
	up := &im.c.UserPool
	if !deployed {
		// The external ID follows Amplify's own naming, so a role made for
		// it by hand looks like the ones Amplify makes.
		ext := im.truncated() + "_role_external_id"
		up.SMS = &config.SMS{SNSCallerARN: im.r.value(snsRoleRef, "the ARN of an IAM role Cognito assumes to send SMS, for user_pool.sms.sns_caller_arn"), ExternalID: ext}
		// For example "Email or Phone Number", stored as the one element
		// "email, phone_number", which configureSmsOption does not match.
		im.r.note("Amplify gives this pool no SMS role, yet its users sign in with or verify phone_number, which needs one to send codes; user_pool.sms.sns_caller_arn reads %s, and the role's trust policy must require the external ID %s", snsRoleRef, ext)
		return
	}
	ext := im.truncated() + "_role_external_id"
	if im.tmpl != nil && im.tmpl.ExternalID != "" {
		ext = im.tmpl.ExternalID
	}
	arn, name, why, differs := im.snsRoleARN()
	switch {
	case arn != "":
		up.SMS = &config.SMS{SNSCallerARN: arn, ExternalID: ext}
		im.r.note("user_pool.sms is the SNS role Amplify created for this pool, %s, named as %s names it", name, im.decidedBy())
	case needed:
		up.SMS = &config.SMS{SNSCallerARN: im.r.value(snsRoleRef, "the ARN of the SNS role Amplify created for the pool, for user_pool.sms.sns_caller_arn"), ExternalID: ext}
		if differs != nil {
			im.r.note("Amplify's SNS role differs per environment (%s): pass --env NAME to write one, or set %s", differs, snsRoleRef)
		} else {
			im.r.note("the ARN of Amplify's SNS role is not known (%s): user_pool.sms.sns_caller_arn reads %s", why, snsRoleRef)
		}
	default:
		why := why
		if differs != nil {
			why = fmt.Sprintf("it differs per environment (%s)", differs)
		}
		im.r.drop("SMS role (SNSRole)", "Amplify gives the pool an SMS role it does not need for sign-in, verification or MFA, and "+why,
			fmt.Sprintf("set user_pool.sms.sns_caller_arn to that role's ARN and user_pool.sms.external_id to %s if the pool sends SMS", ext))
	}
}

// snsRoleARN works the SNS role's ARN out for every environment in scope.
// It returns the ARN and the role name when they agree, or why not.
func (im *importer) snsRoleARN() (arn, name, why string, differs perEnv) {
	expr := im.snsRoleName()
	if expr == nil {
		return "", "", "the template's SNSRole has no RoleName this import can read", nil
	}
	if len(im.scope()) == 0 {
		return "", "", "team-provider-info.json, which holds the account and root stack that name the role, is not in the project", nil
	}
	names := perEnv{}
	arns := perEnv{}
	for _, env := range im.scope() {
		ctx := cfnContext{env: env, params: im.in.peek}
		if root := im.tpi.provider(env, "StackName"); root != "" {
			ctx.stackPrefix = root + "-auth" + im.name
		}
		n, ok := expr.eval(ctx)
		acct := im.tpi.account(env)
		if !ok || acct == "" {
			return "", "", fmt.Sprintf("team-provider-info.json lacks the account or root stack name of environment %s", env), nil
		}
		names[env] = n
		arns[env] = fmt.Sprintf("arn:%s:iam::%s:role/%s", im.tpi.partition(env), acct, n)
	}
	arn, differs = im.agreed(func(env string) string { return arns[env] })
	if differs != nil {
		return "", "", "", differs
	}
	n, _ := im.agreed(func(env string) string { return names[env] })
	return arn, n, "", nil
}

// snsRoleName is the RoleName expression of the SNSRole: the committed
// legacy template's, or the generator's
// Fn::If [ShouldNotCreateEnvResources, <trunc>_sns-role,
// Fn::Join [”, ['sns', <sharedId>, Fn::Select [3, Fn::Split ['-', AWS::StackName]], '-', env]]].
func (im *importer) snsRoleName() *cfnExpr {
	if im.tmpl != nil {
		return im.tmpl.RoleName
	}
	shared := im.in.peekString("sharedId")
	if shared == "" {
		return nil
	}
	lit := func(s string) *cfnExpr { return &cfnExpr{S: s} }
	return &cfnExpr{Fn: "Fn::Join", Args: []*cfnExpr{lit(""), {Fn: "list", Args: []*cfnExpr{
		lit("sns"), lit(shared),
		{Fn: "Fn::Select", Args: []*cfnExpr{lit("3"), {Fn: "Fn::Split", Args: []*cfnExpr{lit("-"), {Fn: "Ref", S: "AWS::StackName"}}}}},
		lit("-"), {Fn: "Ref", S: "env"},
	}}}}
}

// decidedBy names the source of what Amplify deploys, for notes.
func (im *importer) decidedBy() string {
	if im.tmpl != nil {
		return "the committed template " + im.tmpl.File
	}
	return "amplify-cli's template generator"
}
