package users

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/x/term"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cognito/users"
	"github.com/cogwiz/cogwiz/internal/render"
)

func dispatch(ctx context.Context, o *Options, s *users.Service) error {
	io := o.Factory.IOStreams
	done := func(format string, args ...any) error {
		fmt.Fprintf(io.ErrOut, "✓ "+format+"\n", args...)
		return nil
	}
	switch o.Command {
	case "list":
		return listRun(ctx, o, s)
	case "get":
		u, err := s.Get(ctx, o.User)
		if err != nil {
			return err
		}
		if o.JSON {
			return writeJSON(io.Out, u)
		}
		return render.UserDetail(io.Out, u)
	case "create":
		u, err := s.Create(ctx, users.CreateInput{Username: o.User, Attributes: o.Attributes, TemporaryPassword: o.TemporaryPassword, Suppress: o.Suppress})
		if err != nil {
			return err
		}
		how := "an invitation is on its way"
		if o.Suppress {
			how = "no invitation sent"
		}
		return done("created user %s (%s; %s)", u.Username, u.Status, how)
	case "confirm":
		changed, err := s.Confirm(ctx, o.User)
		if err != nil {
			return err
		}
		if !changed {
			return done("user %s needs no confirmation", o.User)
		}
		return done("confirmed user %s", o.User)
	case "reset-password":
		if err := s.ResetPassword(ctx, o.User); err != nil {
			return err
		}
		return done("reset the password of %s: they get a code to choose a new one", o.User)
	case "set-password":
		return setPasswordRun(ctx, o, s)
	case "enable":
		if err := s.Enable(ctx, o.User); err != nil {
			return err
		}
		return done("enabled user %s", o.User)
	case "disable":
		if err := s.Disable(ctx, o.User); err != nil {
			return err
		}
		return done("disabled user %s", o.User)
	case "delete":
		return deleteRun(ctx, o, s)
	case "sign-out":
		if err := s.SignOut(ctx, o.User); err != nil {
			return err
		}
		return done("signed %s out everywhere: their refresh tokens are revoked", o.User)
	case "add-to-group":
		if err := s.AddToGroup(ctx, o.User, o.Group); err != nil {
			return err
		}
		return done("added %s to group %s", o.User, o.Group)
	case "remove-from-group":
		if err := s.RemoveFromGroup(ctx, o.User, o.Group); err != nil {
			return err
		}
		return done("removed %s from group %s", o.User, o.Group)
	case "groups":
		groups, err := s.Groups(ctx, o.User)
		if err != nil {
			return err
		}
		if o.JSON {
			if groups == nil {
				groups = []users.Group{}
			}
			return writeJSON(io.Out, groups)
		}
		return render.UserGroups(io.Out, groups, io.IsStdoutTTY())
	case "mfa":
		if err := s.SetMFA(ctx, o.User, o.MFA); err != nil {
			return err
		}
		return done("updated the MFA settings of %s", o.User)
	}
	return fmt.Errorf("unknown users command %q", o.Command)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// listRun streams users to stdout as they arrive; nothing holds the whole
// list. A --json array is written "[", item, ",", item, ..., "]".
func listRun(ctx context.Context, o *Options, s *users.Service) error {
	ios := o.Factory.IOStreams
	filter, err := o.Query.Filter()
	if err != nil {
		return err
	}
	out := bufio.NewWriter(ios.Out)
	defer out.Flush()
	table := render.NewUsersTable(out, ios.IsStdoutTTY())
	table.SetMaxWidth(ios.TerminalWidth())
	enc := json.NewEncoder(out)
	n := 0
	emit := func(user users.User) error {
		var err error
		switch {
		case o.JSON:
			sep := ",\n"
			if n == 0 {
				sep = "[\n"
			}
			if _, err = out.WriteString(sep); err == nil {
				var b []byte
				if b, err = json.Marshal(user); err == nil {
					_, err = out.Write(b)
				}
			}
		case o.JSONLines:
			err = enc.Encode(user)
		default:
			err = table.Add(user)
		}
		n++
		return err
	}
	// Progress only when the rows go elsewhere (a file, a pipe) and
	// someone is watching stderr; on a terminal the rows are the progress.
	progress := ios.IsStderrTTY() && !ios.IsStdoutTTY()
	lo := users.ListOptions{Filter: filter, Limit: o.Limit}
	if progress {
		lo.OnPage = func(total int) {
			if total >= users.PageSize*5 {
				fmt.Fprintf(ios.ErrOut, "\rlisted %s users…", render.UsersCount(total))
			}
		}
	}
	total, err := s.List(ctx, lo, func(u users.User) error {
		if err := emit(u); err != nil {
			return err
		}
		// Hand each page on as it arrives rather than at the end.
		if n%users.PageSize == 0 {
			return out.Flush()
		}
		return nil
	})
	if progress && total >= users.PageSize*5 {
		fmt.Fprintf(ios.ErrOut, "\rlisted %s users. \n", render.UsersCount(total))
	}
	if err != nil {
		return err
	}
	switch {
	case o.JSON && n == 0:
		_, err = out.WriteString("[]\n")
	case o.JSON:
		_, err = out.WriteString("\n]\n")
	case !o.JSONLines:
		err = table.Flush()
		if err == nil && n == 0 && ios.IsStdoutTTY() {
			fmt.Fprintln(ios.ErrOut, "no users match")
		}
	}
	if err != nil {
		return err
	}
	return out.Flush()
}

func setPasswordRun(ctx context.Context, o *Options, s *users.Service) error {
	ios := o.Factory.IOStreams
	pw := o.Password
	switch {
	case o.PasswordStdin:
		// A pipe that never closes must not outlast Ctrl-C.
		var err error
		pw, err = cmdutil.AwaitLine(ctx, io.Discard, func() (string, error) {
			b, err := io.ReadAll(io.LimitReader(ios.In, 4096))
			return string(b), err
		})
		if err != nil {
			return err
		}
	case pw == "" && ios.CanPrompt():
		var err error
		if pw, err = readSecret(ctx, ios.In, ios.ErrOut, "New password for "+o.User+": "); err != nil {
			return err
		}
	case pw == "":
		return cmdutil.FlagErrorf("no password: give it as an argument, pipe it with --password-stdin, or run on a terminal to be asked")
	}
	if pw == "" {
		return cmdutil.FlagErrorf("the password is empty")
	}
	if err := s.SetPassword(ctx, o.User, pw, o.Permanent); err != nil {
		return err
	}
	kind := "a temporary password: they choose their own at the next sign-in"
	if o.Permanent {
		kind = "a permanent password"
	}
	fmt.Fprintf(ios.ErrOut, "✓ set %s for %s\n", kind, o.User)
	return nil
}

func deleteRun(ctx context.Context, o *Options, s *users.Service) error {
	ios := o.Factory.IOStreams
	if !o.Yes {
		if !ios.CanPrompt() {
			return cmdutil.FlagErrorf("refusing to delete user %s without confirmation: pass --yes", o.User)
		}
		// Resolve first, so that a typo fails before the question.
		if _, err := s.Get(ctx, o.User); err != nil {
			return err
		}
		answer, err := cmdutil.ReadLine(ctx, ios.In, ios.ErrOut, fmt.Sprintf("Delete user %s for good? This cannot be undone.\nType the username to confirm: ", o.User))
		if err != nil {
			return err
		}
		if answer != o.User {
			fmt.Fprintln(ios.ErrOut, "not deleted: the name did not match")
			return cmdutil.ErrCancelled
		}
	}
	if err := s.Delete(ctx, o.User); err != nil {
		return err
	}
	fmt.Fprintf(ios.ErrOut, "✓ deleted user %s\n", o.User)
	return nil
}

// readSecret reads a line without echoing it when r is a terminal.
func readSecret(ctx context.Context, r io.Reader, w io.Writer, question string) (string, error) {
	f, ok := r.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return cmdutil.ReadLine(ctx, r, w, question)
	}
	fmt.Fprint(w, question)
	// ReadPassword turns echo off; put the terminal back even when Ctrl-C
	// ends the wait before it returns.
	if st, err := term.GetState(f.Fd()); err == nil {
		defer func() { _ = term.Restore(f.Fd(), st) }()
	}
	pw, err := cmdutil.AwaitLine(ctx, io.Discard, func() (string, error) {
		b, err := term.ReadPassword(f.Fd())
		return string(b), err
	})
	fmt.Fprintln(w)
	return pw, err
}
