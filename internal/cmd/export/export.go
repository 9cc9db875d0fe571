// Package export implements `cogwiz export cloudformation|terraform|aws-cli`.
package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/export"
	"github.com/cogwiz/cogwiz/internal/iostreams"
	"github.com/cogwiz/cogwiz/internal/render"
)

// Formats.
const (
	FormatCloudFormation = "cloudformation"
	FormatTerraform      = "terraform"
	FormatAWSCLI         = "aws-cli"
)

// Options holds the dependencies and flags of `cogwiz export FORMAT`.
type Options struct {
	Factory *cmdutil.Factory
	IO      *iostreams.IOStreams

	File   string
	Format string
	Output string
	JSON   bool
	Force  bool
}

// NewCmdExport builds the command; runF replaces the run function in tests.
func NewCmdExport(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "export FORMAT",
		Short: "Write the configuration as CloudFormation, Terraform or AWS CLI",
		Long: `Write cognito.yaml as something another tool runs: a CloudFormation template,
Terraform HCL for the AWS provider, or a bash script of aws cognito-idp calls.

All three carry the very requests cogwiz apply sends: the pool, its MFA
settings, identity providers, resource servers, app clients, domain and
groups, in the order Cognito needs them.

No export ever holds a secret. A ${env:NAME} reference becomes a NoEcho
parameter (CloudFormation), a sensitive variable (Terraform) or a shell
variable read from the environment (AWS CLI script).

The file is validated first; an invalid file is not exported. The output
goes to stdout, or to -o FILE (written atomically).`,
		Example: `  cogwiz export cloudformation -o cognito.cfn.yaml
  cogwiz export terraform > cognito.tf
  cogwiz export aws-cli -o create-pool.sh`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(
		newCmdFormat(f, runF, FormatCloudFormation, []string{"cfn"},
			"Write a CloudFormation template (YAML, or JSON with --json)",
			`Write a CloudFormation template with AWS::Cognito::UserPool, UserPoolClient,
UserPoolDomain, UserPoolGroup, UserPoolIdentityProvider and
UserPoolResourceServer resources. Each secret is a NoEcho parameter; app
clients depend on the identity providers they list; the outputs give the
pool id and ARN, the client ids, the token issuer and the hosted UI URL.`,
			`  cogwiz export cloudformation -o cognito.cfn.yaml
  aws cloudformation deploy --template-file cognito.cfn.yaml --stack-name shop-auth \
    --parameter-overrides GoogleClientSecret="$GOOGLE_CLIENT_SECRET"

  # JSON instead of YAML
  cogwiz export cloudformation --json`),
		newCmdFormat(f, runF, FormatTerraform, []string{"tf"},
			"Write Terraform HCL for the AWS provider",
			`Write Terraform HCL for the hashicorp/aws provider: aws_cognito_user_pool,
aws_cognito_user_pool_client, aws_cognito_user_pool_domain,
aws_cognito_user_group, aws_cognito_identity_provider and
aws_cognito_resource_server. Each secret is a sensitive variable.

A file the provider would build differently is refused with the reason:
with an SMS role (user_pool.sms) and MFA on, the provider always turns SMS
MFA on, so the factors must include sms.`,
			`  cogwiz export terraform -o cognito.tf
  TF_VAR_google_client_secret="$GOOGLE_CLIENT_SECRET" terraform apply`),
		newCmdFormat(f, runF, FormatAWSCLI, []string{"awscli", "sh"},
			"Write a bash script of aws cognito-idp calls",
			`Write a readable bash script that creates the pool and everything in it
with aws cognito-idp calls, one commented step at a time, capturing the ids
it needs. Secrets are read from environment variables when it runs and
never appear on a command line: each request reaches the aws command as a
file only you can read, removed when the script ends. Before its first
call the script checks that the AWS CLI knows every parameter it sends
(AWS CLI `+export.MinAWSCLI+` or later).

The script creates new resources each time it runs; cogwiz apply is the
way to change what exists.`,
			`  cogwiz export aws-cli -o create-pool.sh
  GOOGLE_CLIENT_SECRET=... ./create-pool.sh`),
	)
	return cmd
}

func newCmdFormat(f *cmdutil.Factory, runF func(*Options) error, format string, aliases []string, short, long, example string) *cobra.Command {
	opts := &Options{Factory: f, IO: f.IOStreams, Format: format}
	cmd := &cobra.Command{
		Use:     format,
		Aliases: aliases,
		Short:   short,
		Long:    long,
		Example: example,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = f.ConfigPath()
			if runF != nil {
				return runF(opts)
			}
			return exportRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to FILE instead of stdout")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite an output file that cogwiz did not generate")
	if format == FormatCloudFormation {
		cmd.Flags().BoolVar(&opts.JSON, "json", false, "write the template as JSON")
	}
	return cmd
}

func exportRun(ctx context.Context, opts *Options) error {
	if ctx == nil {
		ctx = context.Background()
	}
	out, replace, err := checkOutput(opts.IO, opts.Output, opts.Force)
	if err != nil {
		return err
	}
	doc, err := config.LoadContext(ctx, opts.File)
	if err != nil {
		return err
	}
	var errs, warns []config.Problem
	for _, p := range config.ValidateDocument(doc) {
		if p.Severity == config.SeverityError {
			errs = append(errs, p)
		} else {
			warns = append(warns, p)
		}
	}
	if err := render.Problems(opts.IO.ErrOut, warns, render.ProblemsOptions{Width: opts.IO.WrapWidth()}); err != nil {
		return err
	}
	if len(errs) > 0 {
		return cmdutil.WithHint(&config.LoadError{Problems: errs}, "fix the file, then export again: an export of an invalid file would fail when deployed")
	}
	var r *export.Result
	switch opts.Format {
	case FormatCloudFormation:
		r, err = export.CloudFormation(doc.Config, opts.JSON)
	case FormatTerraform:
		r, err = export.Terraform(doc.Config)
	case FormatAWSCLI:
		r, err = export.AWSCLI(doc.Config)
	default:
		return cmdutil.FlagErrorf("unknown format %q: use cloudformation, terraform or aws-cli", opts.Format)
	}
	if ue := (*export.UnsupportedError)(nil); errors.As(err, &ue) {
		return cmdutil.WithHint(err, ue.Hint)
	}
	if err != nil {
		return err
	}
	for _, s := range r.Skipped {
		fmt.Fprintln(opts.IO.ErrOut, "not exported: "+s)
	}
	for _, s := range r.Notes {
		cmdutil.Note(opts.IO, s)
	}
	if out.IsStdout() {
		return out.Write(ctx, r.Data, 0, true)
	}
	perm := fs.FileMode(0o644)
	if opts.Format == FormatAWSCLI {
		perm = 0o755
	}
	// The write's errors already name the file.
	if err := out.Write(ctx, r.Data, perm, replace); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "wrote %s\n", opts.Output)
	for _, name := range r.Secrets {
		fmt.Fprintln(opts.IO.ErrOut, secretHint(opts.Format, name))
	}
	for _, name := range r.Values {
		fmt.Fprintln(opts.IO.ErrOut, valueHint(opts.Format, name))
	}
	return nil
}

// secretHint says how the exported file receives the secret in NAME.
func secretHint(format, name string) string {
	switch format {
	case FormatCloudFormation:
		return fmt.Sprintf("secret: pass the NoEcho parameter %s=\"$%s\" when you deploy", export.CloudFormationParameter(name), name)
	case FormatTerraform:
		return fmt.Sprintf("secret: set TF_VAR_%s=\"$%s\" when you apply", export.TerraformVariable(name), name)
	}
	return fmt.Sprintf("secret: set %s when you run the script", name)
}

// valueHint says how the exported file receives the value cognito.yaml
// takes from NAME.
func valueHint(format, name string) string {
	switch format {
	case FormatCloudFormation:
		return fmt.Sprintf("value: pass the parameter %s=\"$%s\" when you deploy", export.CloudFormationParameter(name), name)
	case FormatTerraform:
		return fmt.Sprintf("value: set TF_VAR_%s=\"$%s\" when you apply", export.TerraformVariable(name), name)
	}
	return fmt.Sprintf("value: set %s when you run the script", name)
}

// checkOutput refuses to replace a file cogwiz did not generate, unless
// --force; replace says whether the file there may be replaced. Only the
// head of a regular file is read for the marker: a pipe or /dev/stdout is
// never read back.
func checkOutput(ios *iostreams.IOStreams, path string, force bool) (out *cmdutil.Output, replace bool, err error) {
	if path == "" {
		path = "-"
	}
	out, err = cmdutil.CheckOutput(ios, path)
	if err != nil || !out.Exists() || force {
		return out, force, err
	}
	head, err := out.Head(64 << 10)
	if err != nil {
		return nil, false, err
	}
	if bytes.Contains(head, []byte("by cogwiz from cognito.yaml")) {
		return out, true, nil
	}
	return nil, false, cmdutil.WithHint(fmt.Errorf("%s exists and was not generated by cogwiz", path), "pass --force to overwrite it, or -o another file")
}
