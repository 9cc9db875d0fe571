package amplify

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/cogwiz/cogwiz/internal/config"
)

// A resource that still has only parameters.json was last pushed by an
// Amplify CLI older than cli-inputs.json (v7, 2021), which deploys the
// CloudFormation template committed next to it rather than regenerating
// one. That template, not today's generator, says what the pool got: for
// example it never sets UserAttributeUpdateSettings, which the generator
// only gained in September 2022 (amplify-cli PR #10773,
// packages/amplify-category-auth/src/provider-utils/awscloudformation/
// auth-stack-builder/auth-cognito-stack-builder.ts). templateFacts holds
// the few settings the import reads from it.
type templateFacts struct {
	// File is the template read.
	File string
	// UpdateSettings: the pool sets UserAttributeUpdateSettings.
	UpdateSettings bool
	// SMSConfig: the pool sets SmsConfiguration (with the SNSRole).
	SMSConfig bool
	// ExternalID is SmsConfiguration.ExternalId when it is a literal.
	ExternalID string
	// RoleName is the SNSRole's RoleName expression; nil when absent.
	RoleName *cfnExpr
	// MFALambda: MFA is set by Amplify's MFA custom resource
	// (MFALambdaInputs, which calls SetUserPoolMfaConfig).
	MFALambda bool
}

// cfnExpr is a CloudFormation value: a literal (Fn "") or an intrinsic
// function ("Ref", "Fn::If", "Fn::Join", "Fn::Select", "Fn::Split", ...)
// with its arguments; lists are Fn "list".
type cfnExpr struct {
	Fn   string
	S    string
	Args []*cfnExpr
}

func readTemplate(path string) (*templateFacts, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var tree any
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '{' {
		err = json.Unmarshal(data, &tree)
	} else {
		tree, err = config.DecodeCloudFormationYAML(data)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: not a CloudFormation template: %w", path, err)
	}
	f := templateFactsOf(tree)
	f.File = path
	return f, nil
}

// templateFactsOf reads the facts from a template's JSON-shaped tree.
func templateFactsOf(tree any) *templateFacts {
	f := &templateFacts{}
	root, _ := tree.(map[string]any)
	resources, _ := root["Resources"].(map[string]any)
	props := func(r any) map[string]any {
		m, _ := r.(map[string]any)
		p, _ := m["Properties"].(map[string]any)
		return p
	}
	for _, r := range resources {
		if m, _ := r.(map[string]any); m["Type"] != "AWS::Cognito::UserPool" {
			continue
		}
		p := props(r)
		_, f.UpdateSettings = p["UserAttributeUpdateSettings"]
		if sc, ok := p["SmsConfiguration"].(map[string]any); ok {
			f.SMSConfig = true
			f.ExternalID, _ = sc["ExternalId"].(string)
		}
	}
	_, f.MFALambda = resources["MFALambdaInputs"]
	if rn, ok := props(resources["SNSRole"])["RoleName"]; ok {
		f.RoleName = exprFromJSON(rn)
	}
	return f
}

func exprFromJSON(v any) *cfnExpr {
	switch x := v.(type) {
	case string:
		return &cfnExpr{S: x}
	case float64:
		return &cfnExpr{S: strconv.FormatFloat(x, 'f', -1, 64)}
	case []any:
		e := &cfnExpr{Fn: "list"}
		for _, it := range x {
			e.Args = append(e.Args, exprFromJSON(it))
		}
		return e
	case map[string]any:
		if len(x) != 1 {
			break
		}
		for k, arg := range x {
			if k == "Ref" {
				s, _ := arg.(string)
				return &cfnExpr{Fn: "Ref", S: s}
			}
			e := &cfnExpr{Fn: k}
			if list, ok := arg.([]any); ok {
				for _, it := range list {
					e.Args = append(e.Args, exprFromJSON(it))
				}
			} else {
				e.Args = []*cfnExpr{exprFromJSON(arg)}
			}
			return e
		}
	}
	return &cfnExpr{Fn: "unknown"}
}

// cfnContext is what evaluating a name needs: the environment, the root
// stack's name and the template parameters.
type cfnContext struct {
	env string
	// stackPrefix is the auth stack's AWS::StackName without its random
	// suffix, "" when unknown. CloudFormation names a nested stack
	// <parent>-<logical id>-<suffix>, and Amplify's root stack (StackName in
	// team-provider-info.json) holds the auth stack as auth<resource>.
	stackPrefix string
	params      func(string) (string, bool)
}

// eval evaluates e to a string; ok is false when it needs something
// unknown (an account-level pseudo parameter, a function it does not know).
func (e *cfnExpr) eval(ctx cfnContext) (string, bool) {
	switch e.Fn {
	case "":
		return e.S, true
	case "Ref":
		switch e.S {
		case "env":
			return ctx.env, ctx.env != ""
		}
		if strings.HasPrefix(e.S, "AWS::") {
			return "", false // the nested stack's own name and id are not in the project
		}
		if ctx.params != nil {
			return ctx.params(e.S)
		}
		return "", false
	case "Fn::If":
		// Amplify's only condition here is ShouldNotCreateEnvResources
		// (env is NONE, never so for a deployed environment): the else branch.
		if len(e.Args) != 3 || e.Args[0].S != "ShouldNotCreateEnvResources" {
			return "", false
		}
		return e.Args[2].eval(ctx)
	case "Fn::Join":
		if len(e.Args) != 2 || e.Args[1].Fn != "list" {
			return "", false
		}
		var parts []string
		for _, a := range e.Args[1].Args {
			s, ok := a.eval(ctx)
			if !ok {
				return "", false
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, e.Args[0].S), true
	case "Fn::Select":
		if len(e.Args) != 2 || e.Args[1].Fn != "Fn::Split" || len(e.Args[1].Args) != 2 {
			return "", false
		}
		n, err := strconv.Atoi(e.Args[0].S)
		if err != nil {
			return "", false
		}
		sep, src := e.Args[1].Args[0].S, e.Args[1].Args[1]
		var parts []string
		if src.Fn == "Ref" && src.S == "AWS::StackName" {
			// Every part but the random suffix is known.
			if ctx.stackPrefix == "" {
				return "", false
			}
			parts = strings.Split(ctx.stackPrefix, sep)
			if sep != "-" {
				parts = parts[:len(parts)-1] // the last part runs on into the suffix
			}
		} else {
			s, ok := src.eval(ctx)
			if !ok {
				return "", false
			}
			parts = strings.Split(s, sep)
		}
		if n < 0 || n >= len(parts) {
			return "", false
		}
		return parts[n], true
	}
	return "", false
}
