package cognito

import (
	"reflect"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

// fill sets every exported field of v (a pointer to a struct) to a value
// that is not zero, recursively, so that a copy that forgets a field shows.
func fill(v reflect.Value, depth int) {
	switch v.Kind() {
	case reflect.Pointer:
		if depth > 4 {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), depth+1)
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			v.Set(reflect.ValueOf(time.Unix(1, 0)))
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), depth)
			}
		}
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 1, 1)
		fill(s.Index(0), depth)
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(k, depth)
		fill(e, depth)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.String:
		v.SetString("x")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int32, reflect.Int64:
		v.SetInt(1)
	case reflect.Float64:
		v.SetFloat(1)
	}
}

// Read-modify-write carries every member Describe returns and Update
// takes: a member added to the SDK (or forgotten here) that the copy drops
// would be reset by the update, since Cognito resets what it is not sent.
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-updating.html
func TestReadModifyWriteCarriesEveryMember(t *testing.T) {
	t.Parallel()
	var p types.UserPoolType
	fill(reflect.ValueOf(&p).Elem(), 0)
	in := reflect.ValueOf(poolSettingsFromLive(&p).in)
	for i := 0; i < in.NumField(); i++ {
		f := in.Type().Field(i)
		if f.IsExported() && in.Field(i).IsZero() {
			t.Errorf("UpdateUserPool member %s is not carried from DescribeUserPool", f.Name)
		}
	}
	var c types.UserPoolClientType
	fill(reflect.ValueOf(&c).Elem(), 0)
	cin := reflect.ValueOf(*clientFromLive(&c))
	for i := 0; i < cin.NumField(); i++ {
		f := cin.Type().Field(i)
		if f.IsExported() && cin.Field(i).IsZero() {
			t.Errorf("UpdateUserPoolClient member %s is not carried from DescribeUserPoolClient", f.Name)
		}
	}
}
