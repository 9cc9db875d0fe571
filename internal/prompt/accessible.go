package prompt

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Accessible asks questions as plain lines, for screen readers and dumb
// terminals: numbered choices, typed answers, every error spelled out and
// the question asked again. End of input cancels; it never hangs.
type Accessible struct {
	in  *bufio.Reader
	out io.Writer
}

// NewAccessible reads answers from in and writes questions to out (stderr).
func NewAccessible(in io.Reader, out io.Writer) *Accessible {
	return &Accessible{in: bufio.NewReader(in), out: out}
}

// Ask implements Prompter.
func (a *Accessible) Ask(ctx context.Context, q Question) (any, error) {
	if q.Locked != "" {
		fmt.Fprintf(a.out, "\n%s %s (locked: can't be changed once the pool exists: %s)\n", q.Title, answerText(q, q.Default), q.Locked)
		return q.Default, nil
	}
	switch q.Kind {
	case Loop:
		return askLoop(ctx, a.one, q)
	case Order:
		return askOrder(ctx, a.one, q)
	}
	return a.one(ctx, q)
}

func (a *Accessible) one(ctx context.Context, q Question) (any, error) {
	fmt.Fprintln(a.out)
	if q.CreateOnly != "" {
		fmt.Fprintf(a.out, "Warning: this can never be changed after the pool is created. %s.\n", q.CreateOnly)
	}
	if q.Err != nil {
		fmt.Fprintf(a.out, "Error: %s\n", q.Err)
	}
	fmt.Fprintln(a.out, q.Title)
	if q.RecommendedWhy != "" {
		if ans, ok := recommendedAnswer(q); ok {
			fmt.Fprintf(a.out, "Recommended: %s — %s\n", ans, q.RecommendedWhy)
		} else {
			fmt.Fprintf(a.out, "Recommended: %s\n", q.RecommendedWhy)
		}
	}
	if q.AmplifyDefault != "" {
		fmt.Fprintf(a.out, "Amplify's default: %s\n", q.AmplifyDefault)
	}
	if q.DocURL != "" {
		fmt.Fprintf(a.out, "Docs: %s\n", q.DocURL)
	}
	for i, o := range q.Options {
		line := fmt.Sprintf("  %d. %s", i+1, o.Label)
		if o.Note != "" {
			line += " (" + o.Note + ")"
		}
		if o.Recommended {
			line += " [recommended]"
		}
		fmt.Fprintln(a.out, line)
	}
	for {
		if err := ctx.Err(); err != nil {
			return nil, ErrCancelled
		}
		fmt.Fprint(a.out, a.hint(q))
		line, err := a.readLine(ctx)
		if err != nil && (line == "" || !errors.Is(err, io.EOF)) {
			fmt.Fprintln(a.out)
			return nil, ErrCancelled
		}
		line = strings.TrimSpace(line)
		switch {
		case line == "?":
			help := q.Help
			if help == "" {
				help = "No more to say about this one."
			}
			fmt.Fprintln(a.out, strings.TrimSpace(help))
			continue
		case line == "<" && q.CanGoBack:
			return nil, ErrBack
		}
		v, perr := a.parse(q, line)
		if perr != nil {
			fmt.Fprintf(a.out, "Error: %s\n", perr)
			continue
		}
		return v, nil
	}
}

// readLine reads one answer, or gives up as soon as ctx is done: Ctrl-C
// must end the wizard at once, and a read from a terminal cannot be
// interrupted, so it is left behind; the process exits right after.
func (a *Accessible) readLine(ctx context.Context) (string, error) {
	type result struct {
		line string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		line, err := a.in.ReadString('\n')
		done <- result{line, err}
	}()
	select {
	case <-ctx.Done():
		return "", ErrCancelled
	case r := <-done:
		return r.line, r.err
	}
}

// hint is the input line: what to type and the default.
func (a *Accessible) hint(q Question) string {
	extra := ""
	if q.Help != "" {
		extra += ", ? for help"
	}
	if q.CanGoBack {
		extra += ", < to go back"
	}
	switch q.Kind {
	case Select:
		return fmt.Sprintf("Choose 1-%d [%s%s]: ", len(q.Options), numberOf(q, defaultString(q)), extra)
	case MultiSelect:
		var ns []string
		for _, d := range defaultList(q) {
			ns = append(ns, numberOf(q, d))
		}
		def := strings.Join(ns, ",")
		if def == "" {
			def = "none"
		}
		return fmt.Sprintf("Numbers separated by commas, 0 for none [%s%s]: ", def, extra)
	case Confirm:
		if defaultBool(q) {
			return fmt.Sprintf("Yes or no [yes%s]: ", extra)
		}
		return fmt.Sprintf("Yes or no [no%s]: ", extra)
	}
	if d := defaultString(q); d != "" {
		return fmt.Sprintf("Answer [%s%s]: ", d, extra)
	}
	return fmt.Sprintf("Answer [%s]: ", strings.TrimPrefix(extra, ", "))
}

func numberOf(q Question, v string) string {
	for i, o := range q.Options {
		if o.Value == v {
			return strconv.Itoa(i + 1)
		}
	}
	return v
}

// parse reads one typed line as an answer of q; empty takes the default.
func (a *Accessible) parse(q Question, line string) (any, error) {
	switch q.Kind {
	case Select:
		if line == "" {
			return defaultString(q), nil
		}
		n, err := strconv.Atoi(line)
		if err != nil || n < 1 || n > len(q.Options) {
			return nil, fmt.Errorf("type a number from 1 to %d", len(q.Options))
		}
		return q.Options[n-1].Value, nil
	case MultiSelect:
		if line == "" {
			return defaultList(q), nil
		}
		out := []string{}
		if line == "0" {
			return out, nil
		}
		for _, f := range strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == ' ' }) {
			n, err := strconv.Atoi(f)
			if err != nil || n < 1 || n > len(q.Options) {
				return nil, fmt.Errorf("%q is not a choice: type numbers from 1 to %d", f, len(q.Options))
			}
			out = append(out, q.Options[n-1].Value)
		}
		return out, nil
	case Confirm:
		switch strings.ToLower(line) {
		case "":
			return defaultBool(q), nil
		case "y", "yes":
			return true, nil
		case "n", "no":
			return false, nil
		}
		return nil, errors.New("type yes or no")
	}
	if line == "" {
		line = defaultString(q)
	}
	if err := Check(q, line); err != nil {
		return nil, err
	}
	return line, nil
}
