# bash completion for lockctl                                  -*- shell-script -*-
# Installed as share/bash-completion/completions/lockctl. tests/install/check-install
# compares these lists with `lockctl COMMAND --help`, so they cannot drift.

_lockctl_commands="migrate list acquire release sweep audit advisory advisory-lock
locks blocking check cancel-backend terminate-backend load bench"

_lockctl_options() {
    case $1 in
        migrate) echo "--status" ;;
        list) echo "--json --expired --held --match --owner-rule" ;;
        acquire) echo "--ttl --wait --hold --owner --heartbeat --fenced-write --permits --read --write" ;;
        release) echo "--token --force" ;;
        sweep) echo "--dry-run --batch --json" ;;
        audit) echo "--limit --action --target --since --json" ;;
        advisory) echo "--json --this-database" ;;
        advisory-lock) echo "--shared --xact --wait --hold" ;;
        locks) echo "--json --waiting --min-wait --database" ;;
        blocking) echo "--json" ;;
        check) echo "--warn-wait --crit-wait --warn-blocked --crit-blocked --database" ;;
        load) echo "--mode --scope --threads --processes --keys --skew --hold --hold-range --ttl --wait --duration --count --json --permits --readers --writers --admit-by-counting --no-lock" ;;
        "bench cycle") echo "--clients --duration --no-gate --hot --json" ;;
        "bench handoff") echo "--rounds --hold --processes --no-notify --retry --pause --json" ;;
    esac
    echo "--help --db"
}

_lockctl() {
    local cur prev words=() i command="" sub=""
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    COMPREPLY=()

    # The command is the first word that is neither an option nor --db's value.
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            --db) ((i++)) ;;
            -*) ;;
            *) if [ -z "$command" ]; then command=${COMP_WORDS[i]};
               elif [ "$command" = bench ] && [ -z "$sub" ]; then sub=${COMP_WORDS[i]}; fi ;;
        esac
    done

    case $prev in
        --db)
            COMPREPLY=($(compgen -W "postgres:// postgresql:// sqlite:// sqlite:" -- "$cur"))
            return ;;
        --mode)
            COMPREPLY=($(compgen -W "lease advisory none" -- "$cur")); return ;;
        --scope)
            COMPREPLY=($(compgen -W "session xact" -- "$cur")); return ;;
        --action)
            COMPREPLY=($(compgen -W "sweep force-release force-release-unconditional cancel-backend terminate-backend" -- "$cur"))
            return ;;
        --ttl|--wait|--hold|--hold-range|--duration|--since|--retry|--pause|--token|--owner|\
        --match|--target|--limit|--batch|--threads|--processes|--keys|--skew|--count|\
        --clients|--rounds|--fenced-write|--min-wait|--database|--warn-wait|--crit-wait|\
        --warn-blocked|--crit-blocked)
            return ;;
    esac

    if [ -z "$command" ]; then
        COMPREPLY=($(compgen -W "$_lockctl_commands --db --help --version" -- "$cur"))
        return
    fi
    if [ "$command" = bench ] && [ -z "$sub" ]; then
        COMPREPLY=($(compgen -W "cycle handoff pgbench-script" -- "$cur"))
        return
    fi
    if [[ $cur == -* ]]; then
        local key=$command
        [ "$command" = bench ] && key="bench $sub"
        COMPREPLY=($(compgen -W "$(_lockctl_options "$key")" -- "$cur"))
    fi
} &&
    complete -F _lockctl lockctl
