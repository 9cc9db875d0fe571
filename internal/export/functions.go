package export

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/cogwiz/cogwiz/internal/aws/iam"
	"github.com/cogwiz/cogwiz/internal/aws/lambda"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/functions"
	"github.com/cogwiz/cogwiz/internal/plan"
)

// The generated trigger functions in an export, as apply deploys them:
// an execution role Lambda alone may assume with the logging policy, the
// function from its folder, a policy with its Cognito actions on this
// pool only, a permission that lets this pool alone invoke it, and the
// pool's trigger pointing at it.
//
// The pool names the function (its trigger) and the role's policy names
// the pool, so the role's Cognito policy is a resource of its own, made
// after the pool: inline in the role it would make a cycle CloudFormation
// and Terraform refuse.
//
// The code cannot sit in a CloudFormation template: CloudFormation writes
// inline code as a single index.js, a CommonJS module, and the functions
// are ES modules in several files. The template takes the zip from S3.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-lambda-function-code.html

// exportFunction is one generated function in an export.
type exportFunction struct {
	functions.Function
	// id is the stem of its resources' ids: PostConfirmation.
	id string
	// env holds the variables, a secret as an envRef; vars holds them as
	// apply sets them, a secret as its placeholder.
	env  *obj
	vars map[string]string
	// roleID, fnID, policyID and permID are the ids of its resources;
	// keyParam is the CloudFormation parameter of its zip's S3 key.
	roleID, fnID, policyID, permID, keyParam string
	tags                                     map[string]string
	desc                                     string
}

// body is what CreateFunction and AWS::Lambda::Function share: the
// function's name, description, runtime, handler, timeout and role.
func (f exportFunction) body(role any) *obj {
	o := newObj()
	o.set("FunctionName", f.Name)
	o.set("Description", f.desc)
	o.set("Runtime", f.Runtime)
	o.set("Handler", f.Handler)
	o.set("Timeout", int64(functions.Timeout))
	o.set("Role", role)
	return o
}

// poolARNRef stands for the ARN of the pool being created.
var poolARNRef = resRef{kind: "pool_arn"}

// codeBucketParam is the CloudFormation parameter naming the S3 bucket
// that holds the functions' zip files.
const codeBucketParam = "FunctionsCodeBucket"

// nameFunctions adds the generated functions to s with the ids of their
// resources.
func nameFunctions(s *stack, uniq func(prefix, name string) string) {
	cfg := s.cfg
	for _, f := range functions.Functions(cfg) {
		id := identifier(f.Trigger)
		ef := exportFunction{Function: f, id: id, desc: functions.Description(cfg.ResourceName, f),
			tags: map[string]string{cognito.TagResourceName: cfg.ResourceName, functions.TagFunction: f.Trigger}}
		ef.roleID, ef.fnID, ef.policyID, ef.permID = uniq("", id+"Role"), uniq("", id+"Function"), uniq("", id+"Policy"), uniq("", id+"Permission")
		ef.keyParam = uniq("", id+"CodeKey")
		s.functions = append(s.functions, ef)
	}
}

// withFunctionTriggers is cfg with each generated function's trigger set
// to that function's ARN (a placeholder), for the pool's LambdaConfig.
func withFunctionTriggers(cfg *config.Config, fns []exportFunction) *config.Config {
	if len(fns) == 0 {
		return cfg
	}
	c := *cfg
	t := config.Triggers{}
	if cfg.UserPool.Triggers != nil {
		t = *cfg.UserPool.Triggers
	}
	for _, f := range fns {
		t.SetTrigger(f.Trigger, functionPlaceholder(f.fnID))
	}
	c.UserPool.Triggers = &t
	return &c
}

// buildFunctions gives the generated functions their environment, a
// secret as a reference.
func buildFunctions(s *stack, secrets func(string) (string, error)) error {
	for i := range s.functions {
		ef := &s.functions[i]
		ef.env = newObj()
		ef.env.isMap = true
		ef.vars = map[string]string{}
		for _, e := range ef.Env {
			v := e.Value
			if _, secret := config.SecretRefName(e.Value); secret {
				ph, err := secrets(e.Value)
				if err != nil {
					return fmt.Errorf("user_pool.capabilities: %w", err)
				}
				v = ph
			}
			ef.vars[e.Name] = v
			ef.env.set(e.Name, placeholder(v))
		}
	}
	return nil
}

// trustTree and poolPolicyTree are the role's documents as trees; the
// pool's ARN is the reference poolARN.
func trustTree() *obj {
	var doc map[string]any
	_ = json.Unmarshal([]byte(functions.TrustPolicy().JSON()), &doc)
	return policyTree(doc, nil).(*obj)
}

func poolPolicyTree(f functions.Function, poolARN any) (*obj, bool) {
	p, ok := functions.PoolPolicy(f, "\x00aud\x00")
	if !ok {
		return nil, false
	}
	var doc map[string]any
	_ = json.Unmarshal([]byte(p.JSON()), &doc)
	return policyTree(doc, poolARN).(*obj), true
}

// functionsNote says, as comment lines starting with prefix, where each
// format takes the functions' code from.
func functionsNote(s *stack, format, prefix string) string {
	if len(s.functions) == 0 {
		return ""
	}
	dir := functions.SourceDir(s.cfg)
	var lines []string
	switch format {
	case "cloudformation":
		lines = []string{
			"",
			"The trigger functions' code comes from S3: zip each folder of " + dir + "/,",
			"for example (cd " + s.functions[0].Dir + " && zip -qrX ../" + s.functions[0].Trigger + ".zip .),",
			"upload the zips to a bucket in the stack's region and pass its name as",
			codeBucketParam + ". CloudFormation does not notice a changed object:",
			"upload changed code under a new key and pass it as the function's CodeKey.",
		}
	case "terraform":
		lines = []string{
			"The trigger functions' code is zipped from " + dir + "/ beside this file",
			"(archive_file): write this file next to cognito.yaml, or change source_dir.",
		}
	case "aws-cli":
		lines = []string{
			"Run it from the folder of cognito.yaml: the trigger functions are zipped",
			"from " + dir + "/ there (or set FUNCTIONS_DIR). It needs zip.",
		}
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(prefix + l + "\n")
	}
	return b.String()
}

// functionsStderrNote is the one line each format says on stderr about
// where the functions' code comes from.
func functionsStderrNote(s *stack, format string) []string {
	if len(s.functions) == 0 {
		return nil
	}
	dir := functions.SourceDir(s.cfg)
	switch format {
	case "cloudformation":
		return []string{"cloudformation: the trigger functions' code comes from S3: upload the zip of each folder of " + dir + "/ and pass " + codeBucketParam + " (see the template's header)"}
	case "terraform":
		return []string{"terraform: archive_file zips the trigger functions from " + dir + "/ beside the .tf file: keep it next to cognito.yaml"}
	}
	return []string{"aws-cli: run the script from the folder of cognito.yaml: it zips the trigger functions from " + dir + "/ there"}
}

// cfnFunctionParams adds the code bucket and each function's S3 key.
func cfnFunctionParams(params *obj, s *stack) {
	if len(s.functions) == 0 {
		return
	}
	p := newObj()
	p.set("Type", "String")
	p.set("Description", "the S3 bucket, in this stack's region, holding the zip of each trigger function's folder")
	params.set(codeBucketParam, p)
	for _, f := range s.functions {
		p := newObj()
		p.set("Type", "String")
		p.set("Default", f.Dir+".zip")
		p.set("Description", "the S3 key of the zip of "+f.Dir+" (a new key for changed code)")
		params.set(f.keyParam, p)
	}
}

// cfnFunctions adds each function's role, function, Cognito policy and
// permission.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-function.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-permission.html
func cfnFunctions(res *obj, s *stack) {
	for _, f := range s.functions {
		role := newObj()
		role.set("RoleName", f.Name)
		role.set("Path", functions.RolePath(s.cfg.ResourceName))
		role.set("Description", f.desc)
		role.set("AssumeRolePolicyDocument", trustTree())
		role.set("ManagedPolicyArns", []any{sub(functions.LoggingPolicyARN("${AWS::Partition}"))})
		role.set("Tags", cfnTagList(tagObj(f.tags)))
		res.set(f.roleID, typed("AWS::IAM::Role", role))

		code := newObj()
		code.set("S3Bucket", ref(codeBucketParam))
		code.set("S3Key", ref(f.keyParam))
		fn := f.body(getAtt(f.roleID, "Arn"))
		fn.set("Code", code)
		if len(f.env.keys) > 0 {
			env := newObj()
			env.set("Variables", cfnRefs(f.env))
			fn.set("Environment", env)
		}
		fn.set("Tags", cfnTagList(tagObj(f.tags)))
		res.set(f.fnID, typed("AWS::Lambda::Function", fn))

		if doc, ok := poolPolicyTree(f.Function, getAtt("UserPool", "Arn")); ok {
			p := newObj()
			p.set("PolicyName", functions.PoolPolicyName)
			p.set("Roles", []any{ref(f.roleID)})
			p.set("PolicyDocument", doc)
			res.set(f.policyID, typed("AWS::IAM::Policy", p))
		}

		perm := newObj()
		perm.set("FunctionName", getAtt(f.fnID, "Arn"))
		perm.set("Action", functions.InvokeAction)
		perm.set("Principal", functions.InvokePrincipal)
		perm.set("SourceArn", getAtt("UserPool", "Arn"))
		perm.set("SourceAccount", ref("AWS::AccountId"))
		res.set(f.permID, typed("AWS::Lambda::Permission", perm))
	}
}

func typed(typ string, props *obj) *obj {
	r := newObj()
	r.set("Type", typ)
	r.set("Properties", props)
	return r
}

// tfFunctionNames names each function's resources before anything is
// written, so the pool's triggers can refer to them.
func tfFunctionNames(w *tfWriter, s *stack, used map[string]bool) map[string]string {
	names := map[string]string{}
	for _, f := range s.functions {
		n := tfName(resource{kind: "function", name: f.Name}, used)
		names[f.fnID] = n
		w.refs[f.fnID] = "aws_lambda_function." + n
	}
	return names
}

// tfFunctions writes, per function, the archive_file that zips its
// folder, aws_iam_role with the logging policy attached, aws_lambda_function,
// aws_iam_role_policy with its Cognito actions, and aws_lambda_permission.
// https://registry.terraform.io/providers/hashicorp/archive/latest/docs/data-sources/file
func tfFunctions(w *tfWriter, s *stack, names map[string]string) {
	if len(s.functions) == 0 {
		return
	}
	f := w.f
	f.blank()
	f.block("data", "aws_partition", "current")
	f.end()
	f.blank()
	f.block("data", "aws_caller_identity", "current")
	f.end()
	// The logging policy's ARN, its partition interpolated.
	arn := strings.SplitN(functions.LoggingPolicyARN("\x00"), "\x00", 2)
	for _, fn := range s.functions {
		n := names[fn.fnID]
		f.blank()
		f.block("data", "archive_file", n)
		f.attr("type", "zip")
		f.attr("source_dir", hclTemplate("", "path.module", "/"+fn.Dir))
		f.attr("output_path", hclTemplate("", "path.module", "/build/"+fn.Dir+".zip"))
		f.end()

		f.blank()
		f.block("resource", "aws_iam_role", n)
		f.attr("name", fn.Name)
		f.attr("path", functions.RolePath(s.cfg.ResourceName))
		f.attr("description", fn.desc)
		f.attr("assume_role_policy", hclCall{"jsonencode", []any{w.expr(trustTree())}})
		f.attr("tags", w.expr(tagObj(fn.tags)))
		f.end()

		f.blank()
		f.block("resource", "aws_iam_role_policy_attachment", n+"_logs")
		f.attr("role", hclExpr("aws_iam_role."+n+".name"))
		f.attr("policy_arn", hclTemplate(arn[0], "data.aws_partition.current.partition", arn[1]))
		f.end()

		f.blank()
		f.block("resource", "aws_lambda_function", n)
		f.attr("function_name", fn.Name)
		f.attr("description", fn.desc)
		f.attr("role", hclExpr("aws_iam_role."+n+".arn"))
		f.attr("runtime", fn.Runtime)
		f.attr("handler", fn.Handler)
		f.attr("timeout", int64(functions.Timeout))
		f.attr("filename", hclExpr("data.archive_file."+n+".output_path"))
		f.attr("source_code_hash", hclExpr("data.archive_file."+n+".output_base64sha256"))
		f.attr("tags", w.expr(tagObj(fn.tags)))
		if len(fn.env.keys) > 0 {
			f.block("environment")
			f.attr("variables", w.expr(fn.env))
			f.end()
		}
		f.end()

		if doc, ok := poolPolicyTree(fn.Function, poolARNRef); ok {
			f.blank()
			f.block("resource", "aws_iam_role_policy", n)
			f.attr("name", functions.PoolPolicyName)
			f.attr("role", hclExpr("aws_iam_role."+n+".id"))
			f.attr("policy", hclCall{"jsonencode", []any{w.expr(doc)}})
			f.end()
		}

		f.blank()
		f.block("resource", "aws_lambda_permission", n)
		f.attr("statement_id", functions.StatementID)
		f.attr("action", functions.InvokeAction)
		f.attr("function_name", hclExpr("aws_lambda_function."+n+".function_name"))
		f.attr("principal", functions.InvokePrincipal)
		f.attr("source_arn", w.resExpr(poolARNRef))
		f.attr("source_account", hclExpr("data.aws_caller_identity.current.account_id"))
		f.end()
	}
}

// cliFunctions writes, per function, the steps that come before the pool:
// its role with the logging policy, its zip and the function itself. The
// requests are the ones apply sends, built by the same functions.
func cliFunctions(w *cliScript, s *stack, vars map[string]string) error {
	for _, f := range s.functions {
		role := cliFunctionRole(s.cfg, f)
		roleVar := "ROLE_ARN_" + strings.ToUpper(f.Trigger)
		w.section("Create the execution role "+oneLine(f.Name)+" of the "+f.Trigger+" function.",
			"Only Lambda may assume it; it may write the function's logs.")
		if err := w.request(tree(iam.ExpandCreateRole(role))); err != nil {
			return err
		}
		fmt.Fprintf(w, "%s=$(aws iam create-role \\\n  --query Role.Arn --output text \\\n  --cli-input-json \"file://$requests/%d.json\")\n", roleVar, w.step)
		fmt.Fprintf(w, "PARTITION=$(cut -d: -f2 <<<\"$%s\")\n", roleVar)
		// The logging policy is the role's one managed policy.
		for _, arn := range role.ManagedPolicyARNs {
			w.section("Let " + oneLine(f.Name) + " write the function's logs.")
			if err := w.request(tree(iam.ExpandAttachRolePolicy(role.Name, arn))); err != nil {
				return err
			}
			fmt.Fprintf(w, "aws iam attach-role-policy \\\n  --cli-input-json \"file://$requests/%d.json\"\n", w.step)
		}

		fnVar := cliVarName(resRef{kind: "arn", id: f.fnID})
		vars[f.fnID] = fnVar
		w.section("Create the function "+oneLine(f.Name)+" from "+f.Dir+".",
			"Lambda refuses a role IAM has not yet made usable everywhere (a few seconds): the",
			"create is tried again meanwhile.")
		in := lambda.ExpandCreateFunction(plan.WantFunction(s.cfg, f.Function, cliVar(roleVar), f.vars, nil), nil)
		// The zip goes with --zip-file, which the AWS CLI reads from the file.
		in.Code = nil
		if err := w.request(tree(in)); err != nil {
			return err
		}
		// Dir is the source folder and the trigger: the trigger's folder there.
		fmt.Fprintf(w, "(cd \"$FUNCTIONS_DIR/%s\" && zip -q -X -r \"$requests/%d.zip\" . -x '.*' '*/.*')\n", f.Trigger, w.step)
		fmt.Fprintf(w, `for try in $(seq 20); do
  if %s=$(aws lambda create-function \
    --query FunctionArn --output text \
    --zip-file "fileb://$requests/%d.zip" \
    --cli-input-json "file://$requests/%d.json" 2>"$requests/error"); then
    break
  fi
  if [[ $try = 20 ]] || ! grep -q "cannot be assumed by Lambda" "$requests/error"; then
    cat "$requests/error" >&2
    exit 1
  fi
  sleep 3
done
echo "created function %s" >&2
`, fnVar, w.step, w.step, oneLine(f.Name))
	}
	return nil
}

// cliFunctionRole is the execution role of f as apply creates it, for the
// script: the pool's ARN is the POOL_ARN the script reads once the pool
// exists, and the managed policies are in the partition the script runs
// in, which it reads from the role's ARN (apply reads it from the pool's).
func cliFunctionRole(cfg *config.Config, f exportFunction) iam.Role {
	r := plan.WantFunctionRole(cfg, f.Function, cliVar("POOL_ARN"))
	arns := make([]string, len(r.ManagedPolicyARNs))
	for i, arn := range r.ManagedPolicyARNs {
		if parts := strings.SplitN(arn, ":", 3); len(parts) == 3 && parts[0] == "arn" {
			arn = "arn:" + cliVar("PARTITION") + ":" + parts[2]
		}
		arns[i] = arn
	}
	r.ManagedPolicyARNs = arns
	return r
}

// cliFunctionsAfterPool writes the steps that need the pool: its ARN,
// then per function the Cognito policy and the invoke permission.
func cliFunctionsAfterPool(w *cliScript, s *stack) error {
	if len(s.functions) == 0 {
		return nil
	}
	w.section("Read the pool's ARN: the functions' permissions name it.")
	q := newObj()
	q.set("UserPoolId", poolRef{})
	if err := w.request(q); err != nil {
		return err
	}
	fmt.Fprintf(w, "POOL_ARN=$(aws cognito-idp describe-user-pool \\\n  --query UserPool.Arn --output text \\\n  --cli-input-json \"file://$requests/%d.json\")\n", w.step)
	w.WriteString("ACCOUNT=$(cut -d: -f5 <<<\"$POOL_ARN\")\n")
	for _, f := range s.functions {
		role := cliFunctionRole(s.cfg, f)
		for _, name := range slices.Sorted(maps.Keys(role.InlinePolicies)) {
			w.section("Let " + oneLine(f.Name) + " call " + strings.Join(f.Actions, ", ") + " on this pool only.")
			if err := w.request(tree(iam.ExpandPutRolePolicy(role.Name, name, role.InlinePolicies[name]))); err != nil {
				return err
			}
			fmt.Fprintf(w, "aws iam put-role-policy \\\n  --cli-input-json \"file://$requests/%d.json\"\n", w.step)
		}
		w.section("Let this pool, and only it, invoke " + oneLine(f.Name) + ".")
		perm := plan.WantPermission(cliVar("POOL_ARN"))
		// apply reads the account from the pool's ARN; so does the script.
		perm.SourceAccount = cliVar("ACCOUNT")
		if err := w.request(tree(lambda.ExpandAddPermission(f.Name, perm))); err != nil {
			return err
		}
		fmt.Fprintf(w, "aws lambda add-permission >/dev/null \\\n  --cli-input-json \"file://$requests/%d.json\"\n", w.step)
	}
	return nil
}

// cliFunctionsCheck is the script's check, before the first call, that
// it can zip the functions' folders.
func cliFunctionsCheck(s *stack) string {
	if len(s.functions) == 0 {
		return ""
	}
	dir := functions.SourceDir(s.cfg)
	return `
# The trigger functions are zipped from their folders.
FUNCTIONS_DIR=${FUNCTIONS_DIR:-` + dir + `}
if ! command -v zip >/dev/null; then
  echo "zip not found: install it to package the trigger functions" >&2
  exit 1
fi
if [[ ! -d $FUNCTIONS_DIR ]]; then
  echo "$FUNCTIONS_DIR not found: run this script from the folder of cognito.yaml, or set FUNCTIONS_DIR" >&2
  exit 1
fi
`
}
