from edzcli.cli import main

main()
