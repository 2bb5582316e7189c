from ssc_wizard.cli import main

main()
