package export

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/cogwiz/cogwiz/internal/config"
)

// Terraform resource types (hashicorp/aws provider), one per kind of resource.
var tfTypes = map[string]string{
	"pool":            "aws_cognito_user_pool",
	"client":          "aws_cognito_user_pool_client",
	"domain":          "aws_cognito_user_pool_domain",
	"idp":             "aws_cognito_identity_provider",
	"resource_server": "aws_cognito_resource_server",
	"group":           "aws_cognito_user_group",
}

// tfNames are the argument names that are not the snake_case of the API
// member name.
var tfNames = map[string]string{
	"PoolName":            "name",
	"ClientName":          "name",
	"GroupName":           "name",
	"UserPoolTags":        "tags",
	"CallbackURLs":        "callback_urls",
	"LogoutURLs":          "logout_urls",
	"DefaultRedirectURI":  "default_redirect_uri",
	"KMSKeyID":            "kms_key_id",
	"CustomSMSSender":     "custom_sms_sender",
	"SMSMessage":          "sms_message",
	"From":                "from_email_address",
	"RecoveryMechanisms":  "recovery_mechanism",
	"Scopes":              "scope",
	"ReplyToEmailAddress": "reply_to_email_address",

	"AllowedOAuthFlows":               "allowed_oauth_flows",
	"AllowedOAuthScopes":              "allowed_oauth_scopes",
	"AllowedOAuthFlowsUserPoolClient": "allowed_oauth_flows_user_pool_client",
}

// TerraformVariable is the variable that receives the secret in
// environment variable name.
func TerraformVariable(name string) string { return strings.ToLower(name) }

// emailMFAMessage is the email MFA message the Terraform export spells
// out: the provider drops an email_mfa_configuration block without
// arguments (see tfPool), and cognito.yaml has no key for the text.
const emailMFAMessage = "Your authentication code is {####}"

// Terraform renders cfg as HCL for the hashicorp/aws provider. It refuses
// a file the provider would turn into a different pool.
func Terraform(cfg *config.Config) (*Result, error) {
	if err := tfExpressible(cfg); err != nil {
		return nil, err
	}
	s, err := build(cfg)
	if err != nil {
		return nil, err
	}
	s.notes = append(s.notes, functionsStderrNote(s, "terraform")...)
	if hasFactor(cfg, config.FactorEmail) {
		s.notes = append(s.notes, "terraform: the email MFA message is set to \""+emailMFAMessage+"\": the provider turns email MFA on only when email_mfa_configuration has an argument")
	}
	f := hclwrite.NewEmptyFile()
	root := f.Body()
	poolName := snake(cfg.ResourceName)
	if cfg.ResourceName == "" {
		poolName = "this"
	}
	poolID := hcl.Traversal{hcl.TraverseRoot{Name: tfTypes["pool"]}, hcl.TraverseAttr{Name: poolName}, hcl.TraverseAttr{Name: "id"}}

	for _, name := range s.secrets {
		v := root.AppendNewBlock("variable", []string{TerraformVariable(name)})
		v.Body().SetAttributeRaw("type", hclwrite.TokensForIdentifier("string"))
		v.Body().SetAttributeValue("description", cty.StringVal("the value of "+name+" (for example TF_VAR_"+TerraformVariable(name)+")"))
		v.Body().SetAttributeValue("sensitive", cty.True)
		root.AppendNewline()
	}

	w := &tfWriter{poolID: poolID, refs: map[string]hcl.Traversal{}}
	used := map[string]bool{}
	if s.identity != nil {
		tfIdentityNames(w, s.identity, poolName, used)
	}
	fnNames := tfFunctionNames(w, s, used)
	pool := root.AppendNewBlock("resource", []string{tfTypes["pool"], poolName})
	w.body(pool.Body(), tfPool(s), "pool")

	names := map[string]string{}
	for _, it := range s.items {
		n := tfName(it, used)
		names[it.id] = n
		w.refs[it.id] = hcl.Traversal{hcl.TraverseRoot{Name: tfTypes[it.kind]}, hcl.TraverseAttr{Name: n}, hcl.TraverseAttr{Name: "id"}}
		root.AppendNewline()
		b := root.AppendNewBlock("resource", []string{tfTypes[it.kind], n})
		body := it.body
		if it.kind == "domain" {
			body = flattenDomain(body)
		}
		w.body(b.Body(), body, it.kind)
		if len(it.dependsOn) > 0 {
			var deps []hclwrite.Tokens
			for _, d := range it.dependsOn {
				kind := "idp"
				if strings.HasPrefix(d, "ResourceServer") {
					kind = "resource_server"
				}
				deps = append(deps, hclwrite.TokensForTraversal(hcl.Traversal{hcl.TraverseRoot{Name: tfTypes[kind]}, hcl.TraverseAttr{Name: names[d]}}))
			}
			b.Body().AppendNewline()
			b.Body().SetAttributeRaw("depends_on", hclwrite.TokensForTuple(deps))
		}
	}
	if s.identity != nil {
		tfIdentity(root, w, s.identity)
	}
	tfFunctions(root, w, s, fnNames)
	for _, it := range s.items {
		if it.kind == "client" {
			root.AppendNewline()
			o := root.AppendNewBlock("output", []string{names[it.id] + "_client_id"})
			o.Body().SetAttributeTraversal("value", hcl.Traversal{hcl.TraverseRoot{Name: tfTypes["client"]}, hcl.TraverseAttr{Name: names[it.id]}, hcl.TraverseAttr{Name: "id"}})
		}
	}
	root.AppendNewline()
	out := root.AppendNewBlock("output", []string{"user_pool_id"})
	out.Body().SetAttributeTraversal("value", poolID)

	data := append([]byte("# Generated by cogwiz from cognito.yaml. Secrets are sensitive variables:\n# set them with TF_VAR_<name>, never in this file.\n"+ownershipNote("# ")+functionsNote(s, "terraform", "# ")+"\n"), hclwrite.Format(f.Bytes())...)
	return &Result{Data: data, Skipped: s.skipped, Secrets: sortedSecrets(s.secrets), Notes: s.notes}, nil
}

func hasFactor(cfg *config.Config, f string) bool {
	m := cfg.UserPool.MFA
	return m != nil && m.Mode != "" && m.Mode != config.MFAOff && contains(m.Factors, f)
}

// tfExpressible refuses what the hashicorp/aws provider cannot build as
// written. Its aws_cognito_user_pool sends SetUserPoolMfaConfig with
// SmsMfaConfiguration whenever sms_configuration is set and
// mfa_configuration is not OFF (resourceUserPoolCreate and
// resourceUserPoolUpdate in internal/service/cognitoidp/user_pool.go of
// hashicorp/terraform-provider-aws), so SMS MFA cannot stay off while the
// pool has an SMS role for verification messages.
func tfExpressible(cfg *config.Config) error {
	m := cfg.UserPool.MFA
	if cfg.UserPool.SMS == nil || m == nil || m.Mode == "" || m.Mode == config.MFAOff || contains(m.Factors, config.FactorSMS) {
		return nil
	}
	return &UnsupportedError{
		Format: "terraform",
		Reason: fmt.Sprintf("the hashicorp/aws provider would turn SMS MFA on: it enables SMS MFA whenever sms_configuration is set and MFA is %s, but user_pool.mfa.factors %v has no sms", m.Mode, m.Factors),
		Hint:   "add sms to user_pool.mfa.factors, or remove user_pool.sms if no SMS is sent, or export cloudformation or aws-cli, which keep the SMS role for verification only",
	}
}

// tfName is the Terraform name of a resource: its own name in snake case.
func tfName(it resource, used map[string]bool) string {
	n := snake(it.name)
	if it.kind == "domain" {
		n = "this"
	}
	base, i := n, 2
	for used[it.kind+"."+n] {
		n = fmt.Sprintf("%s_%d", base, i)
		i++
	}
	used[it.kind+"."+n] = true
	return n
}

// tfPool reshapes the CreateUserPool request into aws_cognito_user_pool's
// arguments: password and sign-in policies sit at the top, MFA is set on
// the resource (the provider calls SetUserPoolMfaConfig itself), and the
// legacy verification members are left to the template, which the
// provider treats as conflicting with them.
func tfPool(s *stack) *obj {
	p := s.pool
	out := newObj()
	for _, k := range p.keys {
		switch k {
		case "Policies":
			if pol, ok := p.vals[k].(*obj); ok {
				for _, pk := range pol.keys {
					out.set(pk, pol.vals[pk])
				}
			}
		case "EmailVerificationMessage", "EmailVerificationSubject", "SmsVerificationMessage":
			if _, ok := p.get("VerificationMessageTemplate"); !ok {
				out.set(k, p.vals[k])
			}
		case "MfaConfiguration":
			mode := config.MFAOff
			if m := s.cfg.UserPool.MFA; m != nil && m.Mode != "" {
				mode = m.Mode
			}
			out.set(k, mode)
			if s.mfa != nil {
				// The block requires enabled, and a false one would be
				// written as an empty block; absent means TOTP is off.
				if st, ok := s.mfa.get("SoftwareTokenMfaConfiguration"); ok && totpEnabled(st) {
					out.set("SoftwareTokenMfaConfiguration", st)
				}
				if _, ok := s.mfa.get("EmailMfaConfiguration"); ok {
					// The provider sends EmailMfaConfiguration only for a
					// block with an argument: an empty block reads as a list
					// holding nil and is dropped (resourceUserPoolCreate in
					// internal/service/cognitoidp/user_pool.go; reported as
					// hashicorp/terraform-provider-aws#43917). So the
					// message is written out.
					em := newObj()
					em.set("Message", emailMFAMessage)
					out.set("EmailMfaConfiguration", em)
				}
			}
		default:
			out.set(k, p.vals[k])
		}
	}
	return out
}

func flattenDomain(b *obj) *obj {
	out := newObj()
	for _, k := range b.keys {
		if cd, ok := b.vals[k].(*obj); ok && k == "CustomDomainConfig" {
			for _, ck := range cd.keys {
				out.set(ck, cd.vals[ck])
			}
			continue
		}
		out.set(k, b.vals[k])
	}
	return out
}

type tfWriter struct {
	poolID hcl.Traversal
	// refs holds the traversal of each resource a reference may name.
	refs map[string]hcl.Traversal
}

// body writes an API tree as arguments and nested blocks.
func (w *tfWriter) body(b *hclwrite.Body, o *obj, kind string) {
	// Attributes first, then blocks, as terraform fmt users expect.
	for _, k := range o.keys {
		v := o.vals[k]
		if isBlock(v) {
			continue
		}
		b.SetAttributeRaw(tfArg(k), w.tokens(v))
	}
	for _, k := range o.keys {
		switch v := o.vals[k].(type) {
		case *obj:
			if !v.isMap {
				w.body(b.AppendNewBlock(tfArg(k), nil).Body(), v, kind)
			}
		case []any:
			if isBlock(v) {
				for _, e := range v {
					w.body(b.AppendNewBlock(tfArg(k), nil).Body(), e.(*obj), kind)
				}
			}
		}
	}
}

// isBlock reports whether v is written as nested blocks: a structure, or
// a list of structures.
func isBlock(v any) bool {
	switch x := v.(type) {
	case *obj:
		return !x.isMap
	case []any:
		if len(x) == 0 {
			return false
		}
		o, ok := x[0].(*obj)
		return ok && !o.isMap
	}
	return false
}

func (w *tfWriter) tokens(v any) hclwrite.Tokens {
	switch x := v.(type) {
	case string:
		return hclwrite.TokensForValue(cty.StringVal(x))
	case bool:
		return hclwrite.TokensForValue(cty.BoolVal(x))
	case int64:
		return hclwrite.TokensForValue(cty.NumberIntVal(x))
	case poolRef:
		return hclwrite.TokensForTraversal(w.poolID)
	case resRef:
		return w.resTokens(x)
	case secretRef:
		return hclwrite.TokensForTraversal(hcl.Traversal{hcl.TraverseRoot{Name: "var"}, hcl.TraverseAttr{Name: TerraformVariable(x.Name)}})
	case []any:
		var elems []hclwrite.Tokens
		for _, e := range x {
			elems = append(elems, w.tokens(e))
		}
		return hclwrite.TokensForTuple(elems)
	case *obj:
		var attrs []hclwrite.ObjectAttrTokens
		for _, k := range x.keys {
			attrs = append(attrs, hclwrite.ObjectAttrTokens{Name: hclwrite.TokensForValue(cty.StringVal(k)), Value: w.tokens(x.vals[k])})
		}
		return hclwrite.TokensForObject(attrs)
	}
	return hclwrite.TokensForValue(cty.NullVal(cty.String))
}

// tfArg is the provider's argument name for an API member name.
func tfArg(k string) string {
	if n, ok := tfNames[k]; ok {
		return n
	}
	var b strings.Builder
	rs := []rune(k)
	for i, r := range rs {
		if unicode.IsUpper(r) {
			prevLower := i > 0 && unicode.IsLower(rs[i-1])
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1]) && i > 0 && unicode.IsUpper(rs[i-1])
			if i > 0 && (prevLower || nextLower) {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// totpEnabled reports whether a SoftwareTokenMfaConfiguration value turns
// TOTP on.
func totpEnabled(v any) bool {
	o, ok := v.(*obj)
	if !ok {
		return false
	}
	b, _ := o.get("Enabled")
	on, _ := b.(bool)
	return on
}
