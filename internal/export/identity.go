package export

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/cogwiz/cogwiz/internal/aws/cognitoidentity"
	"github.com/cogwiz/cogwiz/internal/aws/iam"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/plan"
)

// resRef stands for an attribute of another resource of the export: the
// identity pool's id, a role's ARN, a client's id, or the user pool's
// provider name (cognito-idp.<region>.amazonaws.com/<pool id>). Each
// format says it its own way.
type resRef struct {
	// kind is identity_pool, role, client or pool.
	kind string
	// id is the resource's export id (empty for the pool and the identity pool).
	id string
}

// identityStack is the identity pool, its roles and their attachment, in
// the order they are made: pool, roles (their trust policy names the
// pool), attachment, then the groups point at their roles.
type identityStack struct {
	name string
	// pool is the CreateIdentityPool request, CognitoIdentityProviders
	// holding references.
	pool     *obj
	roles    []identityRole
	mappings []roleMapping
	// mapping is Token or "" (none); ambiguous its AmbiguousRoleResolution.
	ambiguous string
}

type identityRole struct {
	config.IdentityRole
	// id is the export id of a role cogwiz creates ("" for an existing one).
	id   string
	path string
	desc string
	tags map[string]string
}

// arn is the role's ARN as each format refers to it.
func (r identityRole) arn() any {
	if !r.Created() {
		return r.ARN
	}
	return resRef{kind: "role", id: r.id}
}

type roleMapping struct {
	client string // export id of the client
	name   string // client name
}

// buildIdentity adds the identity pool to s, and points each group whose
// role cogwiz creates at that role.
func buildIdentity(s *stack, uniq func(prefix, name string) string) {
	cfg := s.cfg
	if cfg.IdentityPool == nil {
		return
	}
	clientIDs := map[string]string{}
	for _, it := range s.items {
		if it.kind == "client" {
			clientIDs[it.name] = it.id
		}
	}
	p := cognitoidentity.Expand(cfg, cognitoidentity.Pool{}, "", nil)
	in := tree(cognitoidentity.ExpandCreate(p))
	var providers []any
	is := &identityStack{name: cfg.IdentityPool.Name}
	check := cfg.IdentityPool.ServerSideTokenCheck != nil && *cfg.IdentityPool.ServerSideTokenCheck
	for _, name := range cfg.IdentityPoolClients() {
		id, ok := clientIDs[name]
		if !ok {
			continue
		}
		c := newObj()
		c.set("ClientId", resRef{kind: "client", id: id})
		c.set("ProviderName", resRef{kind: "pool"})
		c.set("ServerSideTokenCheck", check)
		providers = append(providers, c)
		if cfg.EffectiveRoleMapping() == config.RoleMappingToken {
			is.mappings = append(is.mappings, roleMapping{client: id, name: name})
		}
	}
	// A required member: false is written out, not left to the default.
	in.set("AllowUnauthenticatedIdentities", p.AllowUnauthenticated)
	if len(providers) > 0 {
		in.set("CognitoIdentityProviders", providers)
	}
	is.pool = in
	is.ambiguous = cfg.EffectiveAmbiguousRoleResolution()
	for _, r := range cfg.IdentityRoles() {
		ir := identityRole{IdentityRole: r}
		if r.Created() {
			ir.id = uniq("Role", r.Key)
			ir.path = cfg.IdentityRolePath()
			w := plan.WantRole(cfg, r, "")
			ir.tags, ir.desc = w.Tags, w.Description
		}
		is.roles = append(is.roles, ir)
		if r.Group == "" {
			continue
		}
		for i := range s.items {
			if s.items[i].kind == "group" && s.items[i].name == r.Group {
				s.items[i].body.set("RoleArn", ir.arn())
			}
		}
	}
	s.identity = is
}

// trustPolicy is the role's trust policy as a tree, with aud left to the
// caller (a reference to the identity pool in each format).
func trustPolicy(aud any, amr string) *obj {
	var doc map[string]any
	_ = json.Unmarshal([]byte(cognitoidentity.TrustPolicy("\x00aud\x00", amr)), &doc)
	return policyTree(doc, aud).(*obj)
}

// policyTree turns a decoded JSON document into an ordered tree (keys
// sorted, as json.Marshal wrote them), putting aud where the marker is.
func policyTree(v any, aud any) any {
	switch x := v.(type) {
	case map[string]any:
		o := newObj()
		o.isMap = true
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			o.set(k, policyTree(x[k], aud))
		}
		return o
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = policyTree(e, aud)
		}
		return out
	case string:
		if x == "\x00aud\x00" {
			return aud
		}
	}
	return v
}

// cfnIdentity adds AWS::Cognito::IdentityPool, one AWS::IAM::Role per
// role cogwiz creates, and AWS::Cognito::IdentityPoolRoleAttachment.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-identitypoolroleattachment.html
func cfnIdentity(res *obj, is *identityStack) {
	pool := cfnRefs(is.pool).(*obj)
	if tags, ok := pool.get("IdentityPoolTags"); ok {
		pool.set("IdentityPoolTags", cfnTagList(tags.(*obj)))
	}
	res.set("IdentityPool", typed("AWS::Cognito::IdentityPool", pool))
	roles := newObj()
	roles.isMap = true
	for _, r := range is.roles {
		if r.Key == config.IdentityRoleAuth || r.Key == config.IdentityRoleUnauth {
			roles.set(r.Key, cfnRefs(r.arn()))
		}
		if !r.Created() {
			continue
		}
		p := newObj()
		p.set("RoleName", r.Name)
		p.set("Path", r.path)
		p.set("Description", r.desc)
		p.set("AssumeRolePolicyDocument", trustPolicy(ref("IdentityPool"), r.AMR))
		if len(r.ManagedPolicyARNs) > 0 {
			var arns []any
			for _, a := range r.ManagedPolicyARNs {
				arns = append(arns, a)
			}
			p.set("ManagedPolicyArns", arns)
		}
		p.set("Tags", cfnTagList(tagObj(r.tags)))
		res.set(r.id, typed("AWS::IAM::Role", p))
	}
	att := newObj()
	att.set("IdentityPoolId", ref("IdentityPool"))
	att.set("Roles", roles)
	if len(is.mappings) > 0 {
		m := newObj()
		m.isMap = true
		for _, rm := range is.mappings {
			e := newObj()
			join := newObj()
			join.set("Fn::Join", []any{":", []any{getAtt("UserPool", "ProviderName"), ref(rm.client)}})
			e.set("IdentityProvider", join)
			e.set("Type", "Token")
			e.set("AmbiguousRoleResolution", is.ambiguous)
			m.set(rm.client, e)
		}
		att.set("RoleMappings", m)
	}
	res.set("IdentityPoolRoleAttachment", typed("AWS::Cognito::IdentityPoolRoleAttachment", att))
}

// tagObj is a tag map in key order.
func tagObj(tags map[string]string) *obj {
	o := newObj()
	o.isMap = true
	for _, k := range slices.Sorted(maps.Keys(tags)) {
		o.set(k, tags[k])
	}
	return o
}

// cfnTagList turns a tag map into CloudFormation's [{Key, Value}] list
// (the IAM API's Tags list has the same shape).
func cfnTagList(tags *obj) []any {
	var out []any
	for _, k := range tags.keys {
		t := newObj()
		t.set("Key", k)
		t.set("Value", tags.vals[k])
		out = append(out, t)
	}
	return out
}

// tfIdentityNames names the identity pool's resources before anything is
// written, so the groups can refer to their roles.
func tfIdentityNames(w *tfWriter, is *identityStack, poolName string, used map[string]bool) {
	w.identityPool = poolName
	for _, r := range is.roles {
		if r.Created() {
			n := tfName(resource{kind: "role", name: r.Name}, used)
			w.refs[r.id] = "aws_iam_role." + n
			w.roles[r.id] = n
		}
	}
}

// resExpr is a reference to another resource of the HCL.
func (w *tfWriter) resExpr(r resRef) hclExpr {
	switch r.kind {
	case "identity_pool":
		return hclExpr("aws_cognito_identity_pool." + w.identityPool + ".id")
	case "pool":
		return hclExpr(w.pool + ".endpoint")
	case "role", "arn":
		return hclExpr(w.refs[r.id] + ".arn")
	case "pool_arn":
		return hclExpr(w.pool + ".arn")
	}
	return hclExpr(w.refs[r.id])
}

// tfIdentity writes aws_cognito_identity_pool, an aws_iam_role (with an
// aws_iam_role_policy_attachment per managed policy) per role cogwiz
// creates, and aws_cognito_identity_pool_roles_attachment.
func tfIdentity(w *tfWriter, is *identityStack) {
	f := w.f
	poolName := w.identityPool
	f.blank()
	f.block("resource", "aws_cognito_identity_pool", poolName)
	for _, k := range is.pool.keys {
		if k == "CognitoIdentityProviders" {
			continue
		}
		f.attr(tfIdentityArgs[k], w.expr(is.pool.vals[k]))
	}
	if list, ok := is.pool.get("CognitoIdentityProviders"); ok {
		for _, c := range list.([]any) {
			f.block("cognito_identity_providers")
			for _, k := range c.(*obj).keys {
				f.attr(tfArg(k), w.expr(c.(*obj).vals[k]))
			}
			f.end()
		}
	}
	f.end()
	roles := newObj()
	for _, r := range is.roles {
		if r.Key == config.IdentityRoleAuth || r.Key == config.IdentityRoleUnauth {
			roles.set(r.Key, r.arn())
		}
		if !r.Created() {
			continue
		}
		name := w.roles[r.id]
		f.blank()
		f.block("resource", "aws_iam_role", name)
		f.attr("name", r.Name)
		f.attr("path", r.path)
		f.attr("description", r.desc)
		f.attr("assume_role_policy", hclCall{"jsonencode", []any{w.expr(trustPolicy(resRef{kind: "identity_pool"}, r.AMR))}})
		f.attr("tags", w.expr(tagObj(r.tags)))
		f.end()
		for i, arn := range r.ManagedPolicyARNs {
			f.blank()
			f.block("resource", "aws_iam_role_policy_attachment", fmt.Sprintf("%s_%d", name, i+1))
			f.attr("role", hclExpr(w.refs[r.id]+".name"))
			f.attr("policy_arn", arn)
			f.end()
		}
	}
	f.blank()
	f.block("resource", "aws_cognito_identity_pool_roles_attachment", poolName)
	f.attr("identity_pool_id", w.resExpr(resRef{kind: "identity_pool"}))
	f.attr("roles", w.expr(roles))
	for _, m := range is.mappings {
		f.block("role_mapping")
		f.attr("identity_provider", hclCall{"join", []any{":", []any{w.resExpr(resRef{kind: "pool"}), hclExpr(w.refs[m.client])}}})
		f.attr("type", "Token")
		f.attr("ambiguous_role_resolution", is.ambiguous)
		f.end()
	}
	f.end()
	f.blank()
	f.block("output", "identity_pool_id")
	f.attr("value", w.resExpr(resRef{kind: "identity_pool"}))
	f.end()
}

// tfIdentityArgs are aws_cognito_identity_pool's names for the
// CreateIdentityPool members.
var tfIdentityArgs = map[string]string{
	"AllowUnauthenticatedIdentities": "allow_unauthenticated_identities",
	"IdentityPoolName":               "identity_pool_name",
	"AllowClassicFlow":               "allow_classic_flow",
	"DeveloperProviderName":          "developer_provider_name",
	"IdentityPoolTags":               "tags",
	"OpenIdConnectProviderARNs":      "openid_connect_provider_arns",
	"SamlProviderARNs":               "saml_provider_arns",
	"SupportedLoginProviders":        "supported_login_providers",
}

// cliIdentity writes the identity pool's steps: create the pool (it
// trusts the clients made above), each role cogwiz creates (its trust
// policy names the pool) with its managed policies, then set the pool's
// roles. The roles' requests are the ones apply sends, built by the same
// functions.
func cliIdentity(w *cliScript, s *stack, vars map[string]string) error {
	is := s.identity
	w.section("Create the identity pool "+oneLine(is.name)+".",
		"It trusts the app clients created above; its roles come next.")
	w.WriteString("REGION=${POOL_ID%%_*} # a pool id starts with its region\n")
	if err := w.request(is.pool); err != nil {
		return err
	}
	fmt.Fprintf(w, "IDENTITY_POOL_ID=$(aws cognito-identity create-identity-pool \\\n  --query IdentityPoolId --output text \\\n  --cli-input-json \"file://$requests/%d.json\")\n", w.step)
	w.WriteString("echo \"created identity pool $IDENTITY_POOL_ID\" >&2\n")
	roles := newObj()
	roles.isMap = true
	for _, r := range is.roles {
		if r.Key == config.IdentityRoleAuth || r.Key == config.IdentityRoleUnauth {
			roles.set(r.Key, r.arn())
		}
		if !r.Created() {
			continue
		}
		v := cliVarName(resRef{kind: "role", id: r.id})
		vars[r.id] = v
		w.section("Create the IAM role "+oneLine(r.Name)+" ("+r.Key+").",
			"Only this identity pool may assume it. It has no permissions unless policies are listed.")
		role := plan.WantRole(s.cfg, r.IdentityRole, cliVar("IDENTITY_POOL_ID"))
		if err := w.request(tree(iam.ExpandCreateRole(role))); err != nil {
			return err
		}
		fmt.Fprintf(w, "%s=$(aws iam create-role \\\n  --query Role.Arn --output text \\\n  --cli-input-json \"file://$requests/%d.json\")\n", v, w.step)
		for _, arn := range role.ManagedPolicyARNs {
			w.section("Attach " + arn + " to " + oneLine(r.Name) + ".")
			if err := w.request(tree(iam.ExpandAttachRolePolicy(role.Name, arn))); err != nil {
				return err
			}
			fmt.Fprintf(w, "aws iam attach-role-policy \\\n  --cli-input-json \"file://$requests/%d.json\"\n", w.step)
		}
	}
	w.section("Attach the roles to the identity pool.")
	in := newObj()
	in.set("IdentityPoolId", resRef{kind: "identity_pool"})
	in.set("Roles", roles)
	if len(is.mappings) > 0 {
		m := newObj()
		m.isMap = true
		for _, rm := range is.mappings {
			e := newObj()
			e.set("Type", "Token")
			e.set("AmbiguousRoleResolution", is.ambiguous)
			m.set("cognito-idp."+cliVar("REGION")+".amazonaws.com/"+cliPoolMarker+":"+cliVar(cliVarName(resRef{kind: "client", id: rm.client})), e)
		}
		in.set("RoleMappings", m)
	}
	if err := w.request(in); err != nil {
		return err
	}
	fmt.Fprintf(w, "aws cognito-identity set-identity-pool-roles \\\n  --cli-input-json \"file://$requests/%d.json\"\n", w.step)
	return nil
}
